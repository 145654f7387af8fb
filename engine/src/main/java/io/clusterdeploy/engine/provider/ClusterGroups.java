package io.clusterdeploy.engine.provider;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.naming.ServerGroupName;
import java.util.List;

/** Reads the server groups of one cluster, newest first, through the SPI. */
public final class ClusterGroups {
    private ClusterGroups() {
    }

    public static List<ServerGroup> of(CloudProvider provider, String location, String cluster) {
        return provider.serverGroups(ServerGroupName.applicationOf(cluster)).stream()
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
}
