package io.clusterdeploy.engine.operation;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.naming.ServerGroupName;
import io.clusterdeploy.engine.provider.CloudProvider;
import java.util.List;

/** Reads the server groups of one cluster from the cloud, newest first. */
public final class ClusterGroups {
    private ClusterGroups() {
    }

    public static List<ServerGroup> of(CloudProvider provider, String location, String cluster) {
        String app = ServerGroupName.applicationOf(cluster);
        return provider.serverGroups(app).stream()
                .filter(sg -> sg.location().equals(location) && sg.cluster().equals(cluster))
                .sorted(ServerGroup.NEWEST_FIRST)
                .toList();
    }

    /** The named group, or NOT_FOUND naming {@code field}. */
    public static ServerGroup require(CloudProvider provider, String location, String name, String field) {
        return provider.serverGroup(location, name).orElseThrow(() -> ClusterDeployException.notFound(field,
                "server group '" + name + "' not found in account '" + provider.account().name()
                        + "', location '" + location + "'"));
    }

    /** Instances that must be up: ceil(desired × percentage / 100), as Spinnaker computes it. */
    public static int requiredUp(int desired, int percentage) {
        return (int) Math.ceil(desired * percentage / 100.0);
    }
}
