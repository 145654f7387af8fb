package io.clusterdeploy.engine.deploy;

import io.clusterdeploy.engine.cluster.DisableClusterStep;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.OperationContext;
import io.clusterdeploy.engine.operation.OperationStep;
import io.clusterdeploy.engine.provider.ClusterGroups;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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
        List<ServerGroup> cluster = ClusterGroups.of(ctx.provider(), request.location(), request.clusterName());
        List<String> others = cluster.stream().filter(sg -> !sg.name().equals(newName) && sg.enabled())
                .map(ServerGroup::name).toList();
        Set<String> previous = DeployContext.previous(ctx).stream().map(DeployContext.Snapshot::name)
                .collect(Collectors.toSet());
        List<String> disabled;
        if (previous.containsAll(others)) {
            // Every group to disable served before the deploy, and the record of those was forced to disk before the
            // new group was created: a step resumed after a crash finds them again (still enabled, or disabled by
            // this step before the crash), so the intent needs no forced write of its own before the cloud acts.
            // A previous group someone else disabled meanwhile counts as disabled by the deploy (a later scale-down
            // takes it too, as Spinnaker's does every disabled group of the cluster).
            List<String> recorded = cluster.stream().map(ServerGroup::name)
                    .filter(n -> previous.contains(n) && !n.equals(newName)).toList();
            disabled = DisableClusterStep.disableRecorded(ctx, request.location(), recorded);
        } else {
            // A group enabled after the deploy began: only a forced intent makes a resumed step finish it.
            disabled = DisableClusterStep.disable(ctx, request.location(), others);
        }
        return disabled.isEmpty() ? "no other enabled server group" : "disabled " + String.join(", ", disabled);
    }
}
