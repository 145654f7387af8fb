package io.clusterdeploy.engine.deploy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.ClusterGroups;
import io.clusterdeploy.engine.operation.Step;
import io.clusterdeploy.engine.operation.StepContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Disables every other enabled group of the cluster, keeping the new one serving. It checks the
 * health gate again first: a group that was healthy a delay ago may not be now, and Spinnaker's
 * best-known red/black bug is disabling a healthy old group for an unhealthy new one.
 */
final class DisablePreviousStep implements Step {
    private final DeployRequest request;

    DisablePreviousStep(DeployRequest request) {
        this.request = request;
    }

    @Override
    public String name() {
        return "disablePreviousServerGroups";
    }

    @Override
    public String run(StepContext ctx) {
        String newName = ctx.getString(DeployContext.NEW_SERVER_GROUP);
        ServerGroup fresh = ClusterGroups.require(ctx.provider(), request.location(), newName, "serverGroupName");
        int required = ClusterGroups.requiredUp(fresh.capacity().desired(), request.targetHealthyDeployPercentage());
        if (fresh.upCount() < required || fresh.disabled()) {
            throw ClusterDeployException.conflict(null, "refusing to disable the previous server groups: "
                    + newName + " has " + fresh.upCount() + " instances up, " + required + " needed"
                    + (fresh.disabled() ? ", and it is disabled" : ""));
        }
        List<String> planned = ctx.plan(DeployContext.DISABLED, ClusterGroups.of(ctx.provider(), request.location(),
                request.clusterName()).stream().filter(sg -> !sg.name().equals(newName) && sg.enabled())
                .map(ServerGroup::name).toList());
        List<String> disabled = new ArrayList<>();
        for (String name : planned) {
            ctx.checkCancelled();
            if (ctx.provider().serverGroup(request.location(), name).isPresent()) {
                ctx.provider().disable(request.location(), name, 100);
                disabled.add(name);
            }
        }
        return disabled.isEmpty() ? "no other enabled server group" : "disabled " + String.join(", ", disabled);
    }
}
