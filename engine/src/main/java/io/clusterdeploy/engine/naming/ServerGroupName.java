package io.clusterdeploy.engine.naming;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.model.Moniker;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A valid server group name {@code app[-stack[-detail]][-vNNN]}, following Netflix Frigga's rules.
 *
 * @param app      application, required
 * @param stack    stack, or null (an empty string is taken as null)
 * @param detail   detail, or null (an empty string is taken as null); may contain '-', '~' and '^'
 * @param sequence push sequence 0..999999, or null for an unversioned (cluster) name
 */
public record ServerGroupName(String app, String stack, String detail, Integer sequence) {

    public static final int MAX_SEQUENCE = 999_999;

    /** AWS's limit for Auto Scaling group names, the tightest of the name-based clouds we keep. */
    public static final int MAX_NAME_LENGTH = 255;

    /** A cluster name leaves room for the longest suffix "-v999999", so every sequence fits. */
    public static final int MAX_CLUSTER_NAME_LENGTH = MAX_NAME_LENGTH - "-v999999".length();

    // Frigga's push pattern; greedy, so only the last "-vNNN" is the version.
    private static final Pattern PUSH = Pattern.compile("^(.*)-(v([0-9]{3,6}))$");

    public ServerGroupName {
        stack = emptyToNull(stack);
        detail = emptyToNull(detail);
        check(NamePart.APPLICATION, app);
        if (stack != null) {
            check(NamePart.STACK, stack);
        }
        if (detail != null) {
            check(NamePart.DETAIL, detail);
        }
        if (sequence != null && (sequence < 0 || sequence > MAX_SEQUENCE)) {
            throw ClusterDeployException.invalid("sequence",
                    "sequence must be between 0 and " + MAX_SEQUENCE + ", was " + sequence);
        }
        int length = join(app, stack, detail).length();
        if (length > MAX_CLUSTER_NAME_LENGTH) {
            throw ClusterDeployException.invalid("name", "cluster name is " + length + " characters long; at most "
                    + MAX_CLUSTER_NAME_LENGTH + " are allowed so that a versioned name fits in " + MAX_NAME_LENGTH);
        }
    }

    /**
     * Parses a full server group name. Names with an empty trailing part ({@code app-}, {@code app-stack-},
     * {@code app--v001}) are refused: Frigga reads them as a cluster distinct from {@code app}, which this
     * record cannot represent. Extra leading zeros in the version ({@code v0001}) are accepted, as in Frigga.
     *
     * @throws ClusterDeployException INVALID_INPUT on field "name", saying which part is wrong
     */
    public static ServerGroupName parse(String name) {
        if (name == null || name.isBlank()) {
            throw ClusterDeployException.invalid("name", "server group name is required");
        }
        Matcher push = PUSH.matcher(name);
        boolean versioned = push.matches();
        String cluster = versioned ? push.group(1) : name;
        Integer sequence = versioned ? Integer.valueOf(push.group(3)) : null;
        // Stack is the second token only; the detail keeps the rest, hyphens included.
        String[] tokens = cluster.split("-", 3);
        ServerGroupName parsed;
        try {
            parsed = new ServerGroupName(tokens[0], token(tokens, 1), token(tokens, 2), sequence);
        } catch (ClusterDeployException e) {
            throw ClusterDeployException.invalid("name", "invalid server group name '" + name + "': " + e.getMessage());
        }
        if (!parsed.clusterName().equals(cluster)) {
            throw ClusterDeployException.invalid("name", "invalid server group name '" + name
                    + "': cluster '" + cluster + "' ends with an empty part; did you mean '" + parsed.clusterName() + "'?");
        }
        return parsed;
    }

    /**
     * The application of any name a cloud may hold (server group, cluster or load balancer), read as
     * leniently as Frigga's {@code parseName}: the first token before a '-', after dropping a version
     * suffix. Never throws; null for a null or blank name. The one place that splits names.
     */
    public static String applicationOf(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        Matcher push = PUSH.matcher(name);
        String cluster = push.matches() ? push.group(1) : name;
        int dash = cluster.indexOf('-');
        return dash < 0 ? cluster : cluster.substring(0, dash);
    }

    /**
     * An unversioned name from its parts; null or empty stack and detail are absent.
     *
     * @throws ClusterDeployException INVALID_INPUT on field "application", "stack" or "detail"
     */
    public static ServerGroupName cluster(String app, String stack, String detail) {
        return new ServerGroupName(app, stack, detail, null);
    }

    /** {@code app}, {@code app-stack}, {@code app--detail} or {@code app-stack-detail}. */
    public String clusterName() {
        return join(app, stack, detail);
    }

    /** The full name: the cluster name, plus {@code -v%03d} when there is a sequence (5 → v005, 1234 → v1234). */
    public String format() {
        return sequence == null ? clusterName() : clusterName() + String.format("-v%03d", sequence);
    }

    /**
     * The cluster beside this one with {@code part} appended to its detail: a canary's {@code app-stack-baseline}
     * and {@code app-stack-detail-canary}. Unversioned; the length and character rules apply to the result.
     */
    public ServerGroupName withDetailAppended(String part) {
        return new ServerGroupName(app, stack, detail == null ? part : detail + "-" + part, null);
    }

    public ServerGroupName withSequence(int sequence) {
        return new ServerGroupName(app, stack, detail, sequence);
    }

    public Moniker moniker() {
        return new Moniker(app, clusterName(), stack, detail, sequence);
    }

    @Override
    public String toString() {
        return format();
    }

    private static String join(String app, String stack, String detail) {
        if (detail != null) {
            // An absent stack stays as an empty slot so that the detail is still the third token.
            return app + "-" + (stack == null ? "" : stack) + "-" + detail;
        }
        return stack != null ? app + "-" + stack : app;
    }

    private static void check(NamePart part, String value) {
        String problem = part.problem(value);
        if (problem != null) {
            throw ClusterDeployException.invalid(part.field(), problem);
        }
    }

    private static String token(String[] tokens, int index) {
        return tokens.length > index ? tokens[index] : null;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
