package io.clusterdeploy.engine.deploy.canary;

import io.clusterdeploy.engine.deploy.DeployRequest;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.provider.CloudProvider;
import io.clusterdeploy.engine.provider.ClusterGroups;

/** The production group a canary is compared with: the newest enabled group of the production cluster. */
final class ProductionGroup {
    private ProductionGroup() {
    }

    static ServerGroup serving(CloudProvider provider, DeployRequest request) {
        return ClusterGroups.of(provider, request.location(), request.clusterName()).stream()
                .filter(ServerGroup::enabled).findFirst()
                .orElseThrow(() -> ClusterDeployException.invalid("strategy", "a canary needs production to compare "
                        + "with: cluster " + request.clusterName() + " has no enabled server group in account '"
                        + request.account() + "', location '" + request.location() + "'; deploy it first with "
                        + "another strategy"));
    }
}
