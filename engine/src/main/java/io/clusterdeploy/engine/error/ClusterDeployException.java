package io.clusterdeploy.engine.error;

import java.util.Objects;

/**
 * The one error type of the engine and its providers. It names the field at fault when the
 * caller's input is to blame, so that every front end (API, CLI, Jenkins step) can say which
 * parameter to fix. Messages never contain secrets.
 */
public class ClusterDeployException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;
    private final String field;

    public ClusterDeployException(ErrorKind kind, String field, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.field = field;
    }

    public ClusterDeployException(ErrorKind kind, String field, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.field = field;
    }

    public static ClusterDeployException invalid(String field, String message) {
        return new ClusterDeployException(ErrorKind.INVALID_INPUT, field, message);
    }

    public static ClusterDeployException notFound(String field, String message) {
        return new ClusterDeployException(ErrorKind.NOT_FOUND, field, message);
    }

    public static ClusterDeployException conflict(String field, String message) {
        return new ClusterDeployException(ErrorKind.CONFLICT, field, message);
    }

    public ErrorKind kind() {
        return kind;
    }

    /** The input field at fault (dotted path such as {@code capacity.min}), or null. */
    public String field() {
        return field;
    }
}
