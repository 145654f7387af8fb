package io.clusterdeploy.engine.servergroup;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Fields;
import io.clusterdeploy.engine.naming.ServerGroupName;
import io.clusterdeploy.engine.operation.OperationTarget;

/**
 * The server group an operation acts on.
 *
 * @param account  account
 * @param location region, namespace or {@code local}
 * @param name     full versioned name, validated
 */
public record ServerGroupRef(String account, String location, ServerGroupName name) {
    static ServerGroupRef parse(Fields f, String account, String location) {
        String name = f.requiredString("serverGroupName");
        try {
            return new ServerGroupRef(account, location, ServerGroupName.parse(name));
        } catch (ClusterDeployException e) {
            throw ClusterDeployException.invalid(f.path("serverGroupName"),
                    f.path("serverGroupName") + ": " + e.getMessage());
        }
    }

    public String serverGroup() {
        return name.format();
    }

    OperationTarget target() {
        return new OperationTarget(account, location, name.app(), name.clusterName());
    }
}
