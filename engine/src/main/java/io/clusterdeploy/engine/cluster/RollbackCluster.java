package io.clusterdeploy.engine.cluster;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Fields;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.CapacityMaps;
import io.clusterdeploy.engine.operation.ClusterGroups;
import io.clusterdeploy.engine.operation.ContextKeys;
import io.clusterdeploy.engine.operation.Operation;
import io.clusterdeploy.engine.operation.PlannedOperation;
import io.clusterdeploy.engine.operation.StepContext;
import io.clusterdeploy.engine.operation.Steps;
import io.clusterdeploy.engine.provider.CloudProvider;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * rollbackCluster: brings back the previous server group (or a named one) at the larger of both
 * capacities, waits until it is healthy, and only then disables the current one. If it fails
 * before the current group is disabled, the restored group goes back to how it was.
 */
public final class RollbackCluster {
    static final String CURRENT = "currentServerGroup";
    static final String RESTORE = "restoreServerGroup";
    static final String RESTORE_SNAPSHOT = "restoreServerGroupBefore";
    static final String TARGET_CAPACITY = "targetCapacity";

    private RollbackCluster() {
    }

    /** Spinnaker's default healthy share for a rollback, by the restored group's size. */
    static int defaultHealthyPercentage(int desired) {
        return desired < 10 ? 100 : desired < 20 ? 90 : 95;
    }

    record Choice(ServerGroup current, ServerGroup restore) {
    }

    static Choice choose(CloudProvider provider, ClusterRef ref, String restoreName) {
        List<ServerGroup> groups = ClusterGroups.of(provider, ref.location(), ref.cluster());
        if (groups.size() < 2) {
            throw ClusterDeployException.invalid("cluster", "rollbackCluster needs at least 2 server groups; cluster '"
                    + ref.cluster() + "' has " + groups.size());
        }
        ServerGroup current = groups.stream().filter(ServerGroup::enabled).findFirst().orElseThrow(() ->
                ClusterDeployException.invalid("cluster", "rollbackCluster needs an enabled server group; cluster '"
                        + ref.cluster() + "' has none"));
        ServerGroup restore;
        if (restoreName != null) {
            restore = groups.stream().filter(sg -> sg.name().equals(restoreName)).findFirst().orElseThrow(() ->
                    ClusterDeployException.notFound("restoreServerGroupName", "server group '" + restoreName
                            + "' is not in cluster '" + ref.cluster() + "'"));
            if (restore.name().equals(current.name())) {
                throw ClusterDeployException.invalid("restoreServerGroupName", restoreName
                        + " is the current server group; name an older one");
            }
        } else {
            int i = groups.indexOf(current);
            if (i + 1 >= groups.size()) {
                throw ClusterDeployException.invalid("cluster", "no server group older than " + current.name()
                        + " to roll back to");
            }
            restore = groups.get(i + 1);
        }
        return new Choice(current, restore);
    }

    public static Operation parse(Fields f, String account, String location) {
        ClusterRef ref = ClusterRef.parse(f, account, location);
        String restoreName = f.optionalString("restoreServerGroupName", null);
        Integer pct = f.has("targetHealthyRollbackPercentage")
                ? f.optionalInt("targetHealthyRollbackPercentage", 100, 1, 100) : null;
        Duration timeout = Duration.ofSeconds(f.optionalInt("timeoutSec", 600, 1, 86_400));
        String loc = ref.location();
        return new PlannedOperation("rollbackCluster", ref.account(), ref.location(), ref.cluster(), p -> choose(p, ref, restoreName), List.of(
                Steps.named("selectServerGroups", ctx -> {
                    if (ctx.getString(CURRENT) == null) {
                        Choice c = choose(ctx.provider(), ref, restoreName);
                        Capacity a = c.current().capacity();
                        Capacity b = c.restore().capacity();
                        Capacity target = new Capacity(Math.max(a.min(), b.min()), Math.max(a.desired(), b.desired()),
                                Math.max(a.max(), b.max()));
                        ctx.put(CURRENT, c.current().name());
                        ctx.put(RESTORE, c.restore().name());
                        ctx.put(RESTORE_SNAPSHOT, snapshot(c.restore()));
                        ctx.put(TARGET_CAPACITY, CapacityMaps.toMap(target));
                        ctx.checkpoint();
                    }
                    return "rolling back from " + ctx.getString(CURRENT) + " to " + ctx.getString(RESTORE);
                }),
                Steps.named("resizeRestoreServerGroup", ctx -> {
                    Capacity target = CapacityMaps.fromMap(ctx.get(TARGET_CAPACITY));
                    ServerGroup restore = ClusterGroups.require(ctx.provider(), loc, ctx.getString(RESTORE), "cluster");
                    if (!restore.capacity().equals(target)) {
                        ctx.provider().resize(loc, restore.name(), target);
                        ctx.append(ContextKeys.RESIZED, restore.name());
                    }
                    return restore.name() + " at " + target.min() + "/" + target.desired() + "/" + target.max();
                }),
                Steps.named("enableRestoreServerGroup", ctx -> {
                    ctx.provider().enable(loc, ctx.getString(RESTORE));
                    ctx.append(ContextKeys.ENABLED, ctx.getString(RESTORE));
                    return "enabled " + ctx.getString(RESTORE);
                }),
                Steps.waitFor("waitForRestoreHealthy", timeout, loc, ctx -> ctx.getString(RESTORE),
                        sg -> sg.enabled() && sg.upCount() >= ClusterGroups.requiredUp(sg.capacity().desired(),
                                pct != null ? pct : defaultHealthyPercentage(sg.capacity().desired())),
                        sg -> sg.upCount() + "/" + sg.capacity().desired() + " instances up, "
                                + (pct != null ? pct : defaultHealthyPercentage(sg.capacity().desired())) + "% needed"),
                Steps.named("disableCurrentServerGroup", ctx -> {
                    ctx.provider().disable(loc, ctx.getString(CURRENT), 100);
                    ctx.append(ContextKeys.DISABLED, ctx.getString(CURRENT));
                    return "disabled " + ctx.getString(CURRENT);
                })),
                List.of(Steps.named("restoreServerGroupAsItWas", ctx -> undo(ctx, loc))));
    }

    /** After a failed rollback, puts the group we tried to restore back as it was, unless it is all that serves. */
    private static String undo(StepContext ctx, String loc) {
        String restoreName = ctx.getString(RESTORE);
        if (restoreName == null) {
            return "nothing was changed";
        }
        Optional<ServerGroup> current = ctx.provider().serverGroup(loc, ctx.getString(CURRENT));
        if (current.isEmpty() || current.get().disabled()) {
            return "the current group is no longer enabled; leaving " + restoreName + " serving";
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> before = (Map<String, Object>) ctx.get(RESTORE_SNAPSHOT);
        if (Boolean.FALSE.equals(before.get("enabled"))) {
            ctx.provider().disable(loc, restoreName, 100);
        }
        ctx.provider().resize(loc, restoreName, CapacityMaps.fromMap(before.get("capacity")));
        return restoreName + " put back as it was";
    }

    private static Map<String, Object> snapshot(ServerGroup sg) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enabled", sg.enabled());
        m.put("capacity", CapacityMaps.toMap(sg.capacity()));
        return m;
    }
}
