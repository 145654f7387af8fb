package io.clusterdeploy.engine.operation;

/** Thrown at a step's safe point once its operation has been cancelled. */
public final class OperationCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OperationCancelledException() {
        super("operation cancelled", null, false, false);
    }
}
