package io.clusterdeploy.sample;

/** A bad command-line flag; the message names the flag. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
