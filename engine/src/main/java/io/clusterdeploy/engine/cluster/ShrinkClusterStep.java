package io.clusterdeploy.engine.cluster;

import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.ContextKeys;
import io.clusterdeploy.engine.operation.OperationContext;
import io.clusterdeploy.engine.operation.OperationStep;
import io.clusterdeploy.engine.provider.ClusterGroups;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Destroys the groups beyond the first {@code shrinkToSize} (newest first, or largest first),
 * never an enabled one unless {@code allowDeleteActive}. Used by shrinkCluster and by red/black's
 * {@code maxRemainingAsgs}, where the new group, being the newest, is always kept. {@link #destroy} is the
 * one way a step destroys groups; highlander's destroyPreviousServerGroups uses it too.
 */
public final class ShrinkClusterStep implements OperationStep {
    private final String location;
    private final String cluster;
    private final int shrinkToSize;
    private final boolean allowDeleteActive;
    private final boolean retainLargerOverNewer;

    public ShrinkClusterStep(String location, String cluster, int shrinkToSize, boolean allowDeleteActive,
                             boolean retainLargerOverNewer) {
        this.location = location;
        this.cluster = cluster;
        this.shrinkToSize = shrinkToSize;
        this.allowDeleteActive = allowDeleteActive;
        this.retainLargerOverNewer = retainLargerOverNewer;
    }

    /** The groups shrinking destroys: beyond the first {@code shrinkToSize}, and not active unless allowed. */
    static List<ServerGroup> toDestroy(List<ServerGroup> groups, int shrinkToSize, boolean allowDeleteActive,
                                       boolean retainLargerOverNewer) {
        List<ServerGroup> sorted = ClusterOrder.sort(groups, retainLargerOverNewer);
        return sorted.subList(Math.min(shrinkToSize, sorted.size()), sorted.size()).stream()
                .filter(sg -> allowDeleteActive || sg.disabled()).toList();
    }

    @Override
    public String run(OperationContext ctx) {
        List<ServerGroup> groups = ClusterGroups.of(ctx.provider(), location, cluster);
        List<ServerGroup> doomed = toDestroy(groups, shrinkToSize, allowDeleteActive, retainLargerOverNewer);
        List<String> kept = ClusterOrder.sort(groups, retainLargerOverNewer).stream().skip(shrinkToSize)
                .filter(sg -> !doomed.contains(sg)).map(ServerGroup::name).toList();
        List<String> destroyed = destroy(ctx, location, doomed.stream().map(ServerGroup::name).toList());
        String msg = destroyed.isEmpty() ? "nothing to destroy" : "destroyed " + String.join(", ", destroyed);
        return kept.isEmpty() ? msg : msg + "; kept active " + String.join(", ", kept) + " (allowDeleteActive is off)";
    }

    /**
     * Records the names under {@link ContextKeys#DESTROYED} before acting, then disables (when enabled) and
     * destroys each one that still exists; returns every name recorded, destroyed now or before a restart.
     */
    public static List<String> destroy(OperationContext ctx, String location, List<String> names) {
        List<String> destroyed = new ArrayList<>();
        for (String name : ctx.plan(ContextKeys.DESTROYED, names)) {
            ctx.checkCancelled();
            Optional<ServerGroup> sg = ctx.provider().serverGroup(location, name);
            if (sg.isPresent()) {
                if (sg.get().enabled()) {
                    ctx.provider().disable(location, name, 100);
                }
                ctx.provider().destroy(location, name);
            }
            destroyed.add(name);
        }
        return destroyed;
    }
}
