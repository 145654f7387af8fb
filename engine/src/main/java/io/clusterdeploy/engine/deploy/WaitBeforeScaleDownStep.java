package io.clusterdeploy.engine.deploy;

/** {@code delayBeforeScaleDownSec}: disabled groups stay at size, ready for a rollback, this long. */
public final class WaitBeforeScaleDownStep extends DelayStep {
    public WaitBeforeScaleDownStep(DeployRequest request) {
        super(request.delayBeforeScaleDownSec());
    }
}
