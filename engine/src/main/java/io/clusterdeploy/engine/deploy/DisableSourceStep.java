package io.clusterdeploy.engine.deploy;

import io.clusterdeploy.engine.operation.OperationContext;
import io.clusterdeploy.engine.operation.OperationStep;
import io.clusterdeploy.engine.operation.StepName;

/** Rolling red/black: the same share of the source's instances leaves traffic, once the new group still passes its gate. */
public final class DisableSourceStep implements OperationStep {
    private final String location;
    private final HealthGate gate;
    private final int percentage;

    public DisableSourceStep(DeployRequest request, int percentage) {
        this.location = request.location();
        this.gate = HealthGate.of(request);
        this.percentage = percentage;
    }

    @Override
    public String parameter() {
        return StepName.percent(percentage);
    }

    @Override
    public String run(OperationContext ctx) throws InterruptedException {
        String source = ctx.getString(DeployContext.SOURCE);
        if (source == null || ctx.provider().serverGroup(location, source).isEmpty()) {
            return "no source server group to take traffic from";
        }
        gate.verifyStillHealthy(ctx, DeployContext.newServerGroup(ctx), "disable " + percentage + "% of " + source);
        ctx.provider().disable(location, source, percentage);
        if (percentage == 100) {
            ctx.append(DeployContext.DISABLED, source);
        }
        return "disabled " + percentage + "% of " + source;
    }
}
