package jenkins.model;

import hudson.model.TaskListener;
import java.io.Serializable;

/**
 * Shim of {@code jenkins.model.CauseOfInterruption} (Jenkins 2.541.3), named by {@code FlowInterruptedException};
 * its nested {@code UserInterruption} is omitted.
 */
public abstract class CauseOfInterruption implements Serializable {
    private static final long serialVersionUID = 1L;

    public abstract String getShortDescription();

    public void print(TaskListener listener) {
        listener.getLogger().println(getShortDescription());
    }
}
