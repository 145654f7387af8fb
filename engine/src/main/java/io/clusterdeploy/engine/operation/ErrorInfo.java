package io.clusterdeploy.engine.operation;

import io.clusterdeploy.engine.error.ClusterDeployException;

/**
 * Why an operation failed, as shown in its status.
 *
 * @param kind    error kind name
 * @param field   the input field at fault, or null
 * @param message what went wrong
 */
public record ErrorInfo(String kind, String field, String message) {
    public static ErrorInfo of(Throwable t) {
        return of(t, null);
    }

    /** As {@link #of(Throwable)}; a cancel says who asked for it and why, when {@code cancellation} tells. */
    public static ErrorInfo of(Throwable t, Cancellation cancellation) {
        if (t instanceof OperationCancelledException) {
            String by = cancellation == null || cancellation.by() == null ? "" : " by " + cancellation.by();
            String why = cancellation == null || cancellation.reason() == null ? "" : ": " + cancellation.reason();
            return new ErrorInfo("CANCELLED", null, "cancelled on request" + by + why);
        }
        if (t instanceof ClusterDeployException e) {
            return new ErrorInfo(e.kind().name(), e.field(), e.getMessage());
        }
        return new ErrorInfo("INTERNAL", null, t.getClass().getSimpleName() + ": " + t.getMessage());
    }
}
