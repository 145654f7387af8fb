package io.clusterdeploy.standalone.server;

import java.util.Optional;

/**
 * Refuses a declared body larger than the limit before reading it. Bodies without a declared
 * length are cut off at the same limit while being read ({@link BodyReader}).
 */
public final class BodySizeRule implements RequestRule {
    private final long maxBytes;

    public BodySizeRule(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public Optional<Rejection> check(RequestHead head) {
        if (head.contentLength() <= maxBytes) {
            return Optional.empty();
        }
        return Optional.of(tooLarge(maxBytes));
    }

    static Rejection tooLarge(long maxBytes) {
        return new Rejection(413, "PAYLOAD_TOO_LARGE", "body", "request body is larger than " + maxBytes + " bytes");
    }
}
