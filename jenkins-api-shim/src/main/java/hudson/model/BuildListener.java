package hudson.model;

/** Shim of {@code hudson.model.BuildListener} (Jenkins 2.541.3); named by {@code BuildStep}. */
public interface BuildListener extends TaskListener {
}
