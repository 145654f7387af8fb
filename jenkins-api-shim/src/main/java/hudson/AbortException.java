package hudson;

import java.io.IOException;

/** Shim of {@code hudson.AbortException} (Jenkins 2.541.3). */
public class AbortException extends IOException {
    private static final long serialVersionUID = 1L;

    public AbortException() {
    }

    public AbortException(String message) {
        super(message);
    }
}
