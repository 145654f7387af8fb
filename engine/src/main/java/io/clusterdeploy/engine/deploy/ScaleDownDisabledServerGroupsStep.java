package io.clusterdeploy.engine.deploy;

import io.clusterdeploy.engine.cluster.ScaleDownClusterStep;
import io.clusterdeploy.engine.operation.OperationContext;
import io.clusterdeploy.engine.operation.OperationStep;
import java.util.List;

/** Red/black's {@code scaleDown}: the groups this deploy disabled go to 0/0/0. */
public final class ScaleDownDisabledServerGroupsStep implements OperationStep {
    private final String location;

    public ScaleDownDisabledServerGroupsStep(DeployRequest request) {
        this.location = request.location();
    }

    @Override
    public String run(OperationContext ctx) {
        List<String> done = ScaleDownClusterStep.scaleDown(ctx, location, ctx.names(DeployContext.DISABLED));
        return done.isEmpty() ? "nothing to scale down" : "scaled down " + String.join(", ", done) + " to 0";
    }
}
