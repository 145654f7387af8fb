package io.clusterdeploy.engine.cluster;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Fields;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.Operation;
import io.clusterdeploy.engine.provider.CloudProvider;
import io.clusterdeploy.engine.provider.ClusterGroups;
import java.time.Duration;
import java.util.List;

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
        return new Operation("rollbackCluster", ref.target(), false, p -> choose(p, ref, restoreName), List.of(
                new SelectServerGroupsStep(ref, restoreName),
                new ResizeRestoreServerGroupStep(loc),
                new EnableRestoreServerGroupStep(loc),
                new WaitForRestoreHealthyStep(loc, timeout, pct),
                new DisableCurrentServerGroupStep(loc)),
                List.of(new RestoreServerGroupAsItWasStep(loc)));
    }
}
