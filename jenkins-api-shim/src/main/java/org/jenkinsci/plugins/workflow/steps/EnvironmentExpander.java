package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import java.io.IOException;
import java.io.Serializable;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Shim of {@code org.jenkinsci.plugins.workflow.steps.EnvironmentExpander} (workflow-step-api):
 * {@link #expand}, {@link #getSensitiveVariables()}, {@link #constant(Map)} and {@link #merge} with plain behaviour.
 * Difference: the real {@code constant} applies {@code EnvVars.overrideAll} ({@code PATH+XYZ} overrides); here the
 * values are put as they are. The static {@code getEffectiveEnvironment} helpers are omitted.
 */
public abstract class EnvironmentExpander implements Serializable {
    private static final long serialVersionUID = 1L;

    public abstract void expand(@NonNull EnvVars env) throws IOException, InterruptedException;

    public @NonNull Set<String> getSensitiveVariables() {
        return Collections.emptySet();
    }

    public static EnvironmentExpander constant(@NonNull Map<String, String> env) {
        return new ConstantEnvironmentExpander(env);
    }

    private static final class ConstantEnvironmentExpander extends EnvironmentExpander {
        private static final long serialVersionUID = 1;
        private final Map<String, String> envMap;

        ConstantEnvironmentExpander(@NonNull Map<String, String> envMap) {
            this.envMap = new HashMap<>(envMap);
        }

        @Override
        public void expand(@NonNull EnvVars env) {
            env.putAll(envMap);
        }
    }

    public static EnvironmentExpander merge(@CheckForNull EnvironmentExpander original, @NonNull EnvironmentExpander subsequent) {
        if (original == null) {
            return subsequent;
        }
        return new MergedEnvironmentExpander(original, subsequent);
    }

    private static final class MergedEnvironmentExpander extends EnvironmentExpander {
        private static final long serialVersionUID = 1;
        private final @NonNull EnvironmentExpander original;
        private final @NonNull EnvironmentExpander subsequent;

        MergedEnvironmentExpander(EnvironmentExpander original, EnvironmentExpander subsequent) {
            this.original = original;
            this.subsequent = subsequent;
        }

        @Override
        public void expand(@NonNull EnvVars env) throws IOException, InterruptedException {
            original.expand(env);
            subsequent.expand(env);
        }

        @Override
        public @NonNull Set<String> getSensitiveVariables() {
            Set<String> merged = new HashSet<>(original.getSensitiveVariables());
            merged.addAll(subsequent.getSensitiveVariables());
            return merged;
        }
    }
}
