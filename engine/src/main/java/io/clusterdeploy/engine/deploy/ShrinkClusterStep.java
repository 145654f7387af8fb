package io.clusterdeploy.engine.deploy;

import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.ClusterGroups;
import io.clusterdeploy.engine.operation.Step;
import io.clusterdeploy.engine.operation.StepContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Red/black's {@code maxRemainingAsgs}: destroys the oldest groups beyond that many (the new one
 * counts), never the new group, and never an enabled one unless {@code allowDeleteActive}.
 */
final class ShrinkClusterStep implements Step {
    private final DeployRequest request;

    ShrinkClusterStep(DeployRequest request) {
        this.request = request;
    }

    @Override
    public String name() {
        return "shrinkCluster";
    }

    @Override
    public String run(StepContext ctx) {
        String newName = ctx.getString(DeployContext.NEW_SERVER_GROUP);
        List<ServerGroup> groups = ClusterGroups.of(ctx.provider(), request.location(), request.clusterName());
        List<String> destroyed = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (int i = request.maxRemainingAsgs(); i < groups.size(); i++) {
            ServerGroup sg = groups.get(i);
            if (sg.name().equals(newName)) {
                continue;
            }
            if (sg.enabled() && !request.allowDeleteActive()) {
                kept.add(sg.name());
                continue;
            }
            ctx.checkCancelled();
            if (sg.enabled()) {
                ctx.provider().disable(request.location(), sg.name(), 100);
            }
            ctx.provider().destroy(request.location(), sg.name());
            DeployContext.record(ctx, DeployContext.DESTROYED, sg.name());
            destroyed.add(sg.name());
        }
        String msg = destroyed.isEmpty() ? "nothing to destroy" : "destroyed " + String.join(", ", destroyed);
        return kept.isEmpty() ? msg : msg + "; kept active " + String.join(", ", kept) + " (allowDeleteActive is off)";
    }
}
