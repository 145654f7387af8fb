package io.clusterdeploy.engine.deploy;

import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.ClusterGroups;
import io.clusterdeploy.engine.operation.Step;
import io.clusterdeploy.engine.operation.StepContext;
import java.util.ArrayList;
import java.util.List;

/** Highlander: destroys every group of the cluster but the new one (they were disabled first). */
final class DestroyPreviousStep implements Step {
    private final DeployRequest request;

    DestroyPreviousStep(DeployRequest request) {
        this.request = request;
    }

    @Override
    public String name() {
        return "destroyPreviousServerGroups";
    }

    @Override
    public String run(StepContext ctx) {
        String newName = ctx.getString(DeployContext.NEW_SERVER_GROUP);
        List<String> destroyed = new ArrayList<>();
        List<String> planned = ctx.plan(DeployContext.DESTROYED, ClusterGroups.of(ctx.provider(), request.location(),
                request.clusterName()).stream().map(ServerGroup::name).filter(n -> !n.equals(newName)).toList());
        for (String name : planned) {
            ctx.checkCancelled();
            java.util.Optional<ServerGroup> sg = ctx.provider().serverGroup(request.location(), name);
            if (sg.isPresent()) {
                if (sg.get().enabled()) {
                    ctx.provider().disable(request.location(), name, 100);
                }
                ctx.provider().destroy(request.location(), name);
            }
            destroyed.add(name);
        }
        return destroyed.isEmpty() ? "no older server group" : "destroyed " + String.join(", ", destroyed);
    }
}
