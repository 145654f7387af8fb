package io.clusterdeploy.engine.serverop;

import io.clusterdeploy.engine.json.Fields;
import io.clusterdeploy.engine.naming.ServerGroupName;

/**
 * The server group an operation acts on.
 *
 * @param account  account
 * @param location region, namespace or {@code local}
 * @param name     full versioned name, validated
 */
public record ServerGroupRef(String account, String location, String name) {
    static ServerGroupRef parse(Fields f, String account, String location) {
        String name = f.requiredString("serverGroupName");
        try {
            ServerGroupName.parse(name);
        } catch (io.clusterdeploy.engine.error.ClusterDeployException e) {
            throw io.clusterdeploy.engine.error.ClusterDeployException.invalid(f.path("serverGroupName"),
                    f.path("serverGroupName") + ": " + e.getMessage());
        }
        return new ServerGroupRef(account, location, name);
    }
}
