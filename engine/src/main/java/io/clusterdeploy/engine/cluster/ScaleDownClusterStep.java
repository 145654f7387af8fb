package io.clusterdeploy.engine.cluster;

import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.ContextKeys;
import io.clusterdeploy.engine.operation.OperationContext;
import io.clusterdeploy.engine.operation.OperationStep;
import io.clusterdeploy.engine.provider.ClusterGroups;
import java.util.ArrayList;
import java.util.List;

/**
 * scaleDownCluster: every group but the first {@code remainingFullSizeServerGroups} goes to 0/0/0, never an
 * active one unless {@code allowScaleDownActive}. {@link #scaleDown} is the one way a step empties groups;
 * red/black's scaleDownDisabledServerGroups uses it too.
 */
public final class ScaleDownClusterStep implements OperationStep {
    private final String location;
    private final String cluster;
    private final int remaining;
    private final boolean allowActive;
    private final boolean preferLarger;

    public ScaleDownClusterStep(String location, String cluster, int remaining, boolean allowActive,
                                boolean preferLarger) {
        this.location = location;
        this.cluster = cluster;
        this.remaining = remaining;
        this.allowActive = allowActive;
        this.preferLarger = preferLarger;
    }

    /** The groups beyond the first {@code remaining}. */
    static List<ServerGroup> beyond(List<ServerGroup> groups, int remaining, boolean preferLarger) {
        List<ServerGroup> sorted = ClusterOrder.sort(groups, preferLarger);
        return sorted.subList(Math.min(remaining, sorted.size()), sorted.size());
    }

    /** Of those, the ones that are scaled down: not empty, and disabled unless active ones may go. */
    static List<ServerGroup> toScaleDown(List<ServerGroup> groups, int remaining, boolean allowActive,
                                         boolean preferLarger) {
        return beyond(groups, remaining, preferLarger).stream()
                .filter(sg -> (allowActive || sg.disabled()) && !sg.capacity().isZero()).toList();
    }

    @Override
    public String run(OperationContext ctx) {
        List<ServerGroup> groups = ClusterGroups.of(ctx.provider(), location, cluster);
        List<String> kept = beyond(groups, remaining, preferLarger).stream()
                .filter(sg -> sg.enabled() && !allowActive).map(ServerGroup::name).toList();
        List<String> done = scaleDown(ctx, location, toScaleDown(groups, remaining, allowActive, preferLarger)
                .stream().map(ServerGroup::name).toList());
        String msg = done.isEmpty() ? "nothing to scale down" : "scaled down " + String.join(", ", done);
        return kept.isEmpty() ? msg : msg + "; kept active " + String.join(", ", kept) + " (allowScaleDownActive is off)";
    }

    /** Resizes each named group that still exists to 0/0/0, recording it under {@link ContextKeys#SCALED_DOWN}. */
    public static List<String> scaleDown(OperationContext ctx, String location, List<String> names) {
        List<String> done = new ArrayList<>();
        for (String name : names) {
            ctx.checkCancelled();
            if (ctx.provider().serverGroup(location, name).isPresent()) {
                ctx.provider().resize(location, name, Capacity.ZERO);
                ctx.append(ContextKeys.SCALED_DOWN, name);
                done.add(name);
            }
        }
        return done;
    }
}
