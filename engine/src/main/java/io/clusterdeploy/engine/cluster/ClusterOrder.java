package io.clusterdeploy.engine.cluster;

import io.clusterdeploy.engine.model.ServerGroup;
import java.util.Comparator;
import java.util.List;

/**
 * Orders a cluster's groups for "keep the first N" decisions: newest first, or largest first
 * (instance count, then newest) when the operation prefers larger groups over newer ones.
 */
final class ClusterOrder {
    private ClusterOrder() {
    }

    static List<ServerGroup> sort(List<ServerGroup> groups, boolean preferLarger) {
        Comparator<ServerGroup> order = ServerGroup.NEWEST_FIRST;
        if (preferLarger) {
            order = Comparator.<ServerGroup>comparingInt(sg -> sg.instances().size()).reversed()
                    .thenComparing(ServerGroup.NEWEST_FIRST);
        }
        return groups.stream().sorted(order).toList();
    }
}
