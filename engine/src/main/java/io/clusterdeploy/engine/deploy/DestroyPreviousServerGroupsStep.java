package io.clusterdeploy.engine.deploy;

import io.clusterdeploy.engine.cluster.ShrinkClusterStep;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.OperationContext;
import io.clusterdeploy.engine.operation.OperationStep;
import io.clusterdeploy.engine.provider.ClusterGroups;
import java.util.List;

/** Highlander: every group of the cluster but the new one is destroyed (they were disabled first). */
public final class DestroyPreviousServerGroupsStep implements OperationStep {
    private final DeployRequest request;

    public DestroyPreviousServerGroupsStep(DeployRequest request) {
        this.request = request;
    }

    @Override
    public String run(OperationContext ctx) {
        String newName = DeployContext.newServerGroup(ctx);
        List<String> others = ClusterGroups.of(ctx.provider(), request.location(), request.clusterName()).stream()
                .map(ServerGroup::name).filter(n -> !n.equals(newName)).toList();
        List<String> destroyed = ShrinkClusterStep.destroy(ctx, request.location(), others);
        return destroyed.isEmpty() ? "no older server group" : "destroyed " + String.join(", ", destroyed);
    }
}
