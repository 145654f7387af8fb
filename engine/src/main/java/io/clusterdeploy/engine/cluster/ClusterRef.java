package io.clusterdeploy.engine.cluster;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Fields;
import io.clusterdeploy.engine.naming.ServerGroupName;

/**
 * The cluster a cluster-wide operation acts on.
 *
 * @param account  account
 * @param location region, namespace or {@code local}
 * @param cluster  cluster name ({@code app[-stack[-detail]]}, no version)
 */
public record ClusterRef(String account, String location, String cluster) {

    static ClusterRef parse(Fields f, String account, String location) {
        String cluster = f.requiredString("cluster");
        try {
            if (ServerGroupName.parse(cluster).sequence() != null) {
                throw ClusterDeployException.invalid("cluster", "a cluster name has no version suffix");
            }
        } catch (ClusterDeployException e) {
            throw ClusterDeployException.invalid(f.path("cluster"), f.path("cluster") + ": " + e.getMessage());
        }
        return new ClusterRef(account, location, cluster);
    }
}
