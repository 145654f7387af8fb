package io.clusterdeploy.engine.operation;

/** Where an operation stands. */
public enum OperationStatus {
    RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean isFinished() {
        return this != RUNNING;
    }
}
