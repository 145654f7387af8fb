package hudson.tasks;

/**
 * Shim of {@code hudson.tasks.BuildStepMonitor} (Jenkins 2.541.3): the constants. The real abstract
 * {@code perform(BuildStep, AbstractBuild, Launcher, BuildListener)} that each constant implements is omitted.
 */
public enum BuildStepMonitor {
    NONE,
    STEP,
    BUILD
}
