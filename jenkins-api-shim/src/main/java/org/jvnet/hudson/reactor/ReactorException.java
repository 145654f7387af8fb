package org.jvnet.hudson.reactor;

/** Shim of {@code org.jvnet.hudson.reactor.ReactorException} (task-reactor 1.9); only named in Jenkins constructors. */
public class ReactorException extends Exception {
    private static final long serialVersionUID = 1L;

    ReactorException(Throwable cause) {
        super(cause);
    }
}
