package io.clusterdeploy.engine.catalog;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Fields;
import java.util.HashMap;
import java.util.Map;

/**
 * Who started an operation and why, the two fields every request may carry besides its own: {@code reason}, as the
 * person wrote it, and {@code startedBy}, which only a front end sets (the signed-in user, the build), never the
 * client. Both are kept with the request and shown with the operation. A cancel says the same: its body's
 * {@code reason}, and {@code cancelledBy} from the front end.
 */
public final class Attribution {
    public static final String REASON = "reason";
    public static final String STARTED_BY = "startedBy";
    public static final String CANCELLED_BY = "cancelledBy";
    static final int MAX_REASON = 1000;
    static final int MAX_STARTED_BY = 256;

    private Attribution() {
    }

    /** Reads and checks both fields, so that an operation of any type accepts them. */
    static void read(Fields f) {
        text(f, REASON, MAX_REASON);
        text(f, STARTED_BY, MAX_STARTED_BY);
    }

    /**
     * The reason of a cancel's body ({@code {"reason": "..."}}, or no body), checked as a start's; null when none.
     * {@code cancelledBy} is refused: the front end says who cancels, never the client.
     */
    public static String cancelReason(Map<String, Object> body) {
        refuseFromClient(body, CANCELLED_BY);
        Fields f = Fields.of(body);
        String reason = text(f, REASON, MAX_REASON);
        f.rejectUnknown();
        return reason == null || reason.isBlank() ? null : reason;
    }

    /** Who cancels, as the front end names them; checked as {@code startedBy} is, under the name {@code cancelledBy}. */
    public static String cancelledBy(String actor) {
        Map<String, Object> m = new HashMap<>();
        m.put(CANCELLED_BY, actor);
        return text(Fields.of(m), CANCELLED_BY, MAX_STARTED_BY);
    }

    /** {@code startedBy} and {@code cancelledBy} are the front end's to say: a client that sends one is refused. */
    public static void refuseFromClient(Map<String, Object> body, String key) {
        if (body.containsKey(key)) {
            throw ClusterDeployException.invalid(key, key + " is set by the server from who sent the request; give a"
                    + " reason instead");
        }
    }

    private static String text(Fields f, String key, int max) {
        String v = f.optionalString(key, null);
        if (v == null) {
            return null;
        }
        if (v.length() > max) {
            throw ClusterDeployException.invalid(f.path(key), f.path(key) + " must be at most " + max
                    + " characters, was " + v.length());
        }
        if (v.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' || c == 0x7f)) {
            throw ClusterDeployException.invalid(f.path(key), f.path(key) + " must not hold control characters");
        }
        return v;
    }
}
