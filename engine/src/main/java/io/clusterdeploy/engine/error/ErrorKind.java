package io.clusterdeploy.engine.error;

/** What went wrong, in the terms an API answers with (400, 404, 409, 503, 500). */
public enum ErrorKind {
    /** The caller's input is wrong; nothing was changed. */
    INVALID_INPUT(400),
    /** A named account, server group, load balancer or operation does not exist. */
    NOT_FOUND(404),
    /** The request is valid but clashes with the current state (a name taken, an operation running). */
    CONFLICT(409),
    /** The cloud could not be reached or refused for a reason that may pass. */
    UNAVAILABLE(503),
    /** A bug or an unexpected cloud answer. */
    INTERNAL(500);

    private final int httpStatus;

    ErrorKind(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
