package io.clusterdeploy.engine.deploy;

import io.clusterdeploy.engine.operation.StepName;

/** {@code delayBeforeDisableSec}: time to watch the new group before older ones lose traffic. */
public final class WaitBeforeDisableStep extends DelayStep {
    private final Integer rollingPercentage;

    public WaitBeforeDisableStep(DeployRequest request) {
        this(request, null);
    }

    /** Rolling red/black's wait at one of its target percentages. */
    public WaitBeforeDisableStep(DeployRequest request, Integer rollingPercentage) {
        super(request.delayBeforeDisableSec());
        this.rollingPercentage = rollingPercentage;
    }

    @Override
    public String parameter() {
        return rollingPercentage == null ? null : StepName.percent(rollingPercentage);
    }
}
