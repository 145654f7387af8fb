package io.clusterdeploy.engine.cluster;

import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.ContextKeys;
import io.clusterdeploy.engine.operation.OperationContext;
import io.clusterdeploy.engine.operation.OperationStep;
import io.clusterdeploy.engine.provider.ClusterGroups;
import java.util.ArrayList;
import java.util.List;

/**
 * disableCluster: disables every enabled group but the first {@code remainingEnabledServerGroups}
 * (newest first, or largest first). {@link #disable} is the one way a step takes whole groups out of
 * traffic; red/black's disablePreviousServerGroups uses it too.
 */
public final class DisableClusterStep implements OperationStep {
    private final String location;
    private final String cluster;
    private final int remaining;
    private final boolean preferLarger;

    public DisableClusterStep(String location, String cluster, int remaining, boolean preferLarger) {
        this.location = location;
        this.cluster = cluster;
        this.remaining = remaining;
        this.preferLarger = preferLarger;
    }

    /** The enabled groups beyond the first {@code remaining}. */
    static List<ServerGroup> toDisable(List<ServerGroup> groups, int remaining, boolean preferLarger) {
        List<ServerGroup> enabled = ClusterOrder.sort(groups.stream().filter(ServerGroup::enabled).toList(),
                preferLarger);
        return enabled.subList(Math.min(remaining, enabled.size()), enabled.size());
    }

    @Override
    public String run(OperationContext ctx) {
        List<ServerGroup> doomed = toDisable(ClusterGroups.of(ctx.provider(), location, cluster), remaining,
                preferLarger);
        List<String> done = disable(ctx, location, doomed.stream().map(ServerGroup::name).toList());
        return done.isEmpty() ? "nothing to disable" : "disabled " + String.join(", ", done);
    }

    /**
     * Records the names under {@link ContextKeys#DISABLED} before acting (so a resumed step finishes them),
     * then disables each one that still exists; returns those it disabled.
     */
    public static List<String> disable(OperationContext ctx, String location, List<String> names) {
        return disableEach(ctx, location, ctx.plan(ContextKeys.DISABLED, names));
    }

    /**
     * As {@link #disable}, for names a resumed step finds again from what was forced to disk earlier (a deploy's
     * groups serving before it, recorded before its new group was created): they join {@link ContextKeys#DISABLED}
     * without a forced write of their own and are stored with the step's end.
     */
    public static List<String> disableRecorded(OperationContext ctx, String location, List<String> names) {
        return disableEach(ctx, location, ctx.record(ContextKeys.DISABLED, names));
    }

    private static List<String> disableEach(OperationContext ctx, String location, List<String> names) {
        List<String> disabled = new ArrayList<>();
        for (String name : names) {
            ctx.checkCancelled();
            if (ctx.provider().serverGroup(location, name).isPresent()) {
                ctx.provider().disable(location, name, 100);
                disabled.add(name);
            }
        }
        return disabled;
    }
}
