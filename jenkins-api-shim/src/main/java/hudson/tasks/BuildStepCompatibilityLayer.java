package hudson.tasks;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.AbstractProject;
import hudson.model.Action;
import hudson.model.BuildListener;
import java.io.IOException;
import java.util.Collection;
import java.util.List;

/**
 * Shim of {@code hudson.tasks.BuildStepCompatibilityLayer} (Jenkins 2.541.3): implements {@link BuildStep}'s
 * abstract methods as the real class does, so subclasses implement the same set. The deprecated overloads taking
 * {@code Build}/{@code Project} are omitted.
 */
@Deprecated
public abstract class BuildStepCompatibilityLayer implements BuildStep {
    @Override
    public boolean prebuild(AbstractBuild<?, ?> build, BuildListener listener) {
        return true;
    }

    @Override
    public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener) throws InterruptedException, IOException {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }

    @Override
    public Action getProjectAction(AbstractProject<?, ?> project) {
        return null;
    }

    @Override
    @NonNull
    public Collection<? extends Action> getProjectActions(AbstractProject<?, ?> project) {
        Action a = getProjectAction(project);
        return a == null ? List.of() : List.of(a);
    }
}
