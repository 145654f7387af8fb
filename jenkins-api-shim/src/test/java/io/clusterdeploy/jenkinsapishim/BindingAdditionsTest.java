package io.clusterdeploy.jenkinsapishim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.EnvVars;
import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.init.TermMilestone;
import hudson.init.Terminator;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.Job;
import java.io.File;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.junit.jupiter.api.Test;

/** The plain behaviour of the members added for the plugin binding (see SOURCES.md, "Added for the binding"). */
class BindingAdditionsTest {

    private static final class Folder implements ItemGroup<Item> {
        private final String fullName;

        Folder(String fullName) {
            this.fullName = fullName;
        }

        @Override
        public String getFullName() {
            return fullName;
        }

        @Override
        public String getFullDisplayName() {
            return fullName;
        }

        @Override
        public String getDisplayName() {
            return fullName;
        }

        @Override
        public File getRootDir() {
            return null;
        }

        @Override
        public void save() {
        }
    }

    @SuppressWarnings("rawtypes")
    private static final class TestJob extends Job {
        TestJob(ItemGroup parent, String name) {
            super(parent, name);
        }
    }

    @Test
    void itemFullNamesAreTheParentsThenTheName() {
        assertThat(new TestJob(new Folder(""), "deploy").getFullName()).isEqualTo("deploy");
        TestJob nested = new TestJob(new Folder("team/sub"), "deploy");
        assertThat(nested.getFullName()).isEqualTo("team/sub/deploy");
        assertThat(nested.getName()).isEqualTo("deploy");
        assertThat(nested.getParent().getFullName()).isEqualTo("team/sub");
        assertThatThrownBy(() -> new TestJob(null, "x").getParent()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void environmentExpandersAddAndMerge() throws Exception {
        EnvironmentExpander first = EnvironmentExpander.constant(Map.of("A", "1"));
        EnvironmentExpander second = new EnvironmentExpander() {
            private static final long serialVersionUID = 1L;

            @Override
            public void expand(EnvVars env) {
                env.put("B", env.get("A") + "2");
            }

            @Override
            public Set<String> getSensitiveVariables() {
                return Set.of("B");
            }
        };
        EnvVars env = new EnvVars();
        EnvironmentExpander.merge(first, second).expand(env);
        assertThat(env).containsEntry("A", "1").containsEntry("B", "12");
        assertThat(EnvironmentExpander.merge(null, second)).isSameAs(second);
        assertThat(EnvironmentExpander.merge(first, second).getSensitiveVariables()).containsExactly("B");
        assertThat(first.getSensitiveVariables()).isEmpty();
    }

    @Test
    void lifecycleAnnotationsKeepTheirRealShape() throws Exception {
        assertThat(Initializer.class.getAnnotation(Retention.class).value()).isEqualTo(RetentionPolicy.RUNTIME);
        assertThat(Initializer.class.getAnnotation(Target.class).value()).containsExactly(ElementType.METHOD);
        assertThat(Initializer.class.getMethod("after").getDefaultValue()).isEqualTo(InitMilestone.STARTED);
        assertThat(Initializer.class.getMethod("before").getDefaultValue()).isEqualTo(InitMilestone.COMPLETED);
        assertThat(Initializer.class.getMethod("fatal").getDefaultValue()).isEqualTo(true);
        assertThat(Terminator.class.getMethod("after").getDefaultValue()).isEqualTo(TermMilestone.STARTED);
        assertThat(InitMilestone.JOB_LOADED).hasToString("Loaded all jobs");
        assertThat(InitMilestone.values()).hasSize(10);
        assertThat(TermMilestone.COMPLETED).hasToString("Completed termination");
    }
}
