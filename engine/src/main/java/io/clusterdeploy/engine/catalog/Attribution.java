package io.clusterdeploy.engine.catalog;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Fields;

/**
 * Who started an operation and why, the two fields every request may carry besides its own: {@code reason}, as the
 * person wrote it, and {@code startedBy}, which only a front end sets (the signed-in user, the build), never the
 * client. Both are kept with the request and shown with the operation.
 */
public final class Attribution {
    public static final String REASON = "reason";
    public static final String STARTED_BY = "startedBy";
    static final int MAX_REASON = 1000;
    static final int MAX_STARTED_BY = 256;

    private Attribution() {
    }

    /** Reads and checks both fields, so that an operation of any type accepts them. */
    static void read(Fields f) {
        text(f, REASON, MAX_REASON);
        text(f, STARTED_BY, MAX_STARTED_BY);
    }

    private static void text(Fields f, String key, int max) {
        String v = f.optionalString(key, null);
        if (v == null) {
            return;
        }
        if (v.length() > max) {
            throw ClusterDeployException.invalid(f.path(key), f.path(key) + " must be at most " + max
                    + " characters, was " + v.length());
        }
        if (v.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' || c == 0x7f)) {
            throw ClusterDeployException.invalid(f.path(key), f.path(key) + " must not hold control characters");
        }
    }
}
