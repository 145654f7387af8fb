package io.clusterdeploy.engine.cluster;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.operation.OperationContext;
import io.clusterdeploy.engine.operation.OperationStep;
import io.clusterdeploy.engine.provider.ClusterGroups;
import java.util.List;

/** The clusterSize precondition: the number of server groups compared with {@code expected}. */
final class CheckClusterSizeStep implements OperationStep {
    static final List<String> COMPARISONS = List.of("==", "!=", "<", "<=", ">", ">=");

    private final ClusterRef ref;
    private final int expected;
    private final String comparison;
    private final boolean onlyEnabled;

    CheckClusterSizeStep(ClusterRef ref, int expected, String comparison, boolean onlyEnabled) {
        this.ref = ref;
        this.expected = expected;
        this.comparison = comparison;
        this.onlyEnabled = onlyEnabled;
    }

    @Override
    public String run(OperationContext ctx) {
        long actual = ClusterGroups.of(ctx.provider(), ref.location(), ref.cluster()).stream()
                .filter(sg -> !onlyEnabled || sg.enabled()).count();
        ctx.put("actual", actual);
        String what = "cluster " + ref.cluster() + " has " + actual + (onlyEnabled ? " enabled" : "")
                + " server groups; expected " + comparison + " " + expected;
        if (!compare(actual, comparison, expected)) {
            throw ClusterDeployException.conflict("expected", what);
        }
        return what;
    }

    static boolean compare(long actual, String comparison, long expected) {
        return switch (comparison) {
            case "==" -> actual == expected;
            case "!=" -> actual != expected;
            case "<" -> actual < expected;
            case "<=" -> actual <= expected;
            case ">" -> actual > expected;
            case ">=" -> actual >= expected;
            default -> throw new IllegalArgumentException(comparison);
        };
    }
}
