package io.clusterdeploy.engine.deploy;

import io.clusterdeploy.engine.cluster.DisableClusterStep;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.OperationContext;
import io.clusterdeploy.engine.operation.OperationStep;
import io.clusterdeploy.engine.provider.ClusterGroups;
import java.util.List;

/** Red/black and highlander: every other enabled group of the cluster leaves traffic, once the new one still passes its gate. */
public final class DisablePreviousServerGroupsStep implements OperationStep {
    private final DeployRequest request;
    private final HealthGate gate;

    public DisablePreviousServerGroupsStep(DeployRequest request) {
        this.request = request;
        this.gate = HealthGate.of(request);
    }

    @Override
    public String run(OperationContext ctx) throws InterruptedException {
        String newName = DeployContext.newServerGroup(ctx);
        gate.verifyStillHealthy(ctx, newName, "disable the previous server groups");
        List<String> others = ClusterGroups.of(ctx.provider(), request.location(), request.clusterName()).stream()
                .filter(sg -> !sg.name().equals(newName) && sg.enabled()).map(ServerGroup::name).toList();
        List<String> disabled = DisableClusterStep.disable(ctx, request.location(), others);
        return disabled.isEmpty() ? "no other enabled server group" : "disabled " + String.join(", ", disabled);
    }
}
