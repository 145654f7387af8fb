package io.clusterdeploy.engine.operation;

/** Where one step of the timeline stands. */
public enum StepStatus {
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    /** The runner stopped (a crash or a restart) while the step ran; it runs again on resume. */
    INTERRUPTED
}
