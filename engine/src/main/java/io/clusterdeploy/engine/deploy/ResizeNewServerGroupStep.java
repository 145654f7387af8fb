package io.clusterdeploy.engine.deploy;

import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.operation.OperationContext;
import io.clusterdeploy.engine.operation.OperationStep;
import io.clusterdeploy.engine.operation.StepName;

/** Rolling red/black: the new group grows to a target percentage of the deploy's capacity. */
public final class ResizeNewServerGroupStep implements OperationStep {
    private final String location;
    private final int percentage;

    public ResizeNewServerGroupStep(DeployRequest request, int percentage) {
        this.location = request.location();
        this.percentage = percentage;
    }

    @Override
    public String parameter() {
        return StepName.percent(percentage);
    }

    @Override
    public String run(OperationContext ctx) {
        Capacity target = Capacity.fromMap(ctx.get(DeployContext.CAPACITY));
        int desired = (int) Math.ceil(target.desired() * percentage / 100.0);
        Capacity step = percentage == 100 ? target : new Capacity(Math.min(target.min(), desired), desired, target.max());
        String name = DeployContext.newServerGroup(ctx);
        ctx.provider().resize(location, name, step);
        return name + " resized to " + desired + " (" + percentage + "% of " + target.desired() + ")";
    }
}
