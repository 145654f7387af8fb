package io.clusterdeploy.standalone.demo;

/** The demo could not go on (an operation failed, the API refused a call). */
public final class DemoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DemoException(String message) {
        super(message);
    }

    public DemoException(String message, Throwable cause) {
        super(message, cause);
    }
}
