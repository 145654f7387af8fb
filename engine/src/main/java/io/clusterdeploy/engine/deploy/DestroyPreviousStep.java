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
        for (ServerGroup sg : ClusterGroups.of(ctx.provider(), request.location(), request.clusterName())) {
            if (sg.name().equals(newName)) {
                continue;
            }
            ctx.checkCancelled();
            if (sg.enabled()) {
                ctx.provider().disable(request.location(), sg.name(), 100);
            }
            ctx.provider().destroy(request.location(), sg.name());
            ctx.append(DeployContext.DESTROYED, sg.name());
            destroyed.add(sg.name());
        }
        return destroyed.isEmpty() ? "no older server group" : "destroyed " + String.join(", ", destroyed);
    }
}
