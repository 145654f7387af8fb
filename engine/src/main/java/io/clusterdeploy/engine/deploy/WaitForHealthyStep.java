package io.clusterdeploy.engine.deploy;

import io.clusterdeploy.engine.operation.OperationContext;
import io.clusterdeploy.engine.operation.OperationStep;
import io.clusterdeploy.engine.operation.StepName;

/** Waits for the new group's health gate; nothing older is touched before it passes. */
public final class WaitForHealthyStep implements OperationStep {
    private final HealthGate gate;
    private final Integer rollingPercentage;

    /** The deploy's health gate. */
    public WaitForHealthyStep(DeployRequest request) {
        this(request, null);
    }

    /** Rolling red/black's gate at one of its target percentages. */
    public WaitForHealthyStep(DeployRequest request, Integer rollingPercentage) {
        this.gate = HealthGate.of(request);
        this.rollingPercentage = rollingPercentage;
    }

    @Override
    public String parameter() {
        return rollingPercentage == null ? null : StepName.percent(rollingPercentage);
    }

    /** It only waits: a crash right after it passed runs the gate again, which passes at once if still healthy. */
    @Override
    public boolean changesNothing() {
        return true;
    }

    @Override
    public String run(OperationContext ctx) throws InterruptedException {
        String name = DeployContext.newServerGroup(ctx);
        String progress = gate.await(ctx, name);
        return rollingPercentage == null ? progress : name + " healthy at " + rollingPercentage + "%";
    }
}
