package hudson.tasks;

import hudson.model.AbstractProject;
import hudson.model.Describable;
import hudson.model.Descriptor;

/** Shim of {@code hudson.tasks.BuildStepDescriptor} (Jenkins 2.541.3); the static {@code filter} is omitted. */
public abstract class BuildStepDescriptor<T extends BuildStep & Describable<T>> extends Descriptor<T> {
    protected BuildStepDescriptor(Class<? extends T> clazz) {
        super(clazz);
    }

    protected BuildStepDescriptor() {
    }

    @SuppressWarnings("rawtypes")
    public abstract boolean isApplicable(Class<? extends AbstractProject> jobType);
}
