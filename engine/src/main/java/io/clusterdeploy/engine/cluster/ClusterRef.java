package io.clusterdeploy.engine.cluster;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Fields;
import io.clusterdeploy.engine.naming.ServerGroupName;
import io.clusterdeploy.engine.operation.OperationTarget;

/**
 * The cluster a cluster-wide operation acts on.
 *
 * @param account  account
 * @param location region, namespace or {@code local}
 * @param name     cluster name ({@code app[-stack[-detail]]}, no version), validated
 */
public record ClusterRef(String account, String location, ServerGroupName name) {

    static ClusterRef parse(Fields f, String account, String location) {
        String cluster = f.requiredString("cluster");
        ServerGroupName parsed;
        try {
            parsed = ServerGroupName.parse(cluster);
            if (parsed.sequence() != null) {
                throw ClusterDeployException.invalid("cluster", "a cluster name has no version suffix");
            }
        } catch (ClusterDeployException e) {
            throw ClusterDeployException.invalid(f.path("cluster"), f.path("cluster") + ": " + e.getMessage());
        }
        return new ClusterRef(account, location, parsed);
    }

    public String cluster() {
        return name.clusterName();
    }

    OperationTarget target() {
        return new OperationTarget(account, location, name.app(), name.clusterName());
    }
}
