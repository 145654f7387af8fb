package io.clusterdeploy.engine.deploy.canary;

import io.clusterdeploy.engine.deploy.DeployRequest;
import io.clusterdeploy.engine.deploy.HealthGate;
import io.clusterdeploy.engine.operation.OperationContext;
import io.clusterdeploy.engine.operation.OperationStep;

/** Baseline and canary must both be fully up before their metrics count: a canary that never starts fails here. */
public final class WaitForCanaryHealthyStep implements OperationStep {
    private final HealthGate gate;

    public WaitForCanaryHealthyStep(DeployRequest request) {
        this.gate = new HealthGate(request.location(), 100, request.deployTimeout());
    }

    @Override
    public String run(OperationContext ctx) throws InterruptedException {
        CanaryRecord record = CanaryRecord.of(ctx);
        String baseline = gate.await(ctx, record.string(CanaryRecord.BASELINE));
        String canary = gate.await(ctx, record.string(CanaryRecord.CANARY));
        return baseline + "; " + canary;
    }
}
