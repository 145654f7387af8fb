package jenkins.tasks;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStep;
import java.io.IOException;

/**
 * Shim of {@code jenkins.tasks.SimpleBuildStep} (Jenkins 2.541.3): the three {@code perform} defaults and
 * {@link #requiresWorkspace()}. Dispatch follows the real contract: without a workspace requirement the
 * workspace overload goes to {@link #perform(Run, EnvVars, TaskListener)}; an implementation must override the
 * overload it needs. The nested {@code LastBuildAction}/{@code LastBuildActionFactory} are omitted.
 */
public interface SimpleBuildStep extends BuildStep {

    @Deprecated
    default void perform(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull Launcher launcher,
                         @NonNull TaskListener listener) throws InterruptedException, IOException {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }

    default void perform(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull EnvVars env, @NonNull Launcher launcher,
                         @NonNull TaskListener listener) throws InterruptedException, IOException {
        if (!requiresWorkspace()) {
            perform(run, env, listener);
            return;
        }
        throw new AbstractMethodError("a step that requires a workspace must override perform(Run, FilePath, EnvVars, Launcher, TaskListener)");
    }

    default void perform(@NonNull Run<?, ?> run, @NonNull EnvVars env, @NonNull TaskListener listener) throws InterruptedException, IOException {
        if (requiresWorkspace()) {
            throw new IllegalStateException("this build step requires a workspace, none was given");
        }
        throw new AbstractMethodError("a step that needs no workspace must override perform(Run, EnvVars, TaskListener)");
    }

    default boolean requiresWorkspace() {
        return true;
    }
}
