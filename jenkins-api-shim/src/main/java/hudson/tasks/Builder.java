package hudson.tasks;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;

/**
 * Shim of {@code hudson.tasks.Builder} (Jenkins 2.541.3). The deprecated {@code prebuild(Build, BuildListener)}
 * override and the static {@code all()} are omitted.
 */
@SuppressWarnings("deprecation")
public abstract class Builder extends BuildStepCompatibilityLayer implements Describable<Builder>, ExtensionPoint {

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    @Override
    public Descriptor<Builder> getDescriptor() {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }
}
