package io.clusterdeploy.engine.deploy.strategy;

import io.clusterdeploy.engine.cluster.ShrinkClusterStep;
import io.clusterdeploy.engine.deploy.DeployRequest;
import io.clusterdeploy.engine.deploy.DeployStrategy;
import io.clusterdeploy.engine.deploy.DisablePreviousServerGroupsStep;
import io.clusterdeploy.engine.deploy.ScaleDownDisabledServerGroupsStep;
import io.clusterdeploy.engine.deploy.Strategy;
import io.clusterdeploy.engine.deploy.ValidationHook;
import io.clusterdeploy.engine.deploy.WaitBeforeDisableStep;
import io.clusterdeploy.engine.deploy.WaitBeforeScaleDownStep;
import io.clusterdeploy.engine.deploy.WaitForHealthyStep;
import io.clusterdeploy.engine.operation.OperationStep;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code redblack}: deploy, wait healthy, shrink the cluster to {@code maxRemainingAsgs}, optionally wait,
 * disable every older group, and optionally scale the disabled ones down.
 */
public final class RedBlack implements DeployStrategy {

    @Override
    public Strategy id() {
        return Strategy.REDBLACK;
    }

    @Override
    public List<OperationStep> afterCreate(DeployRequest request, ValidationHook validation) {
        List<OperationStep> steps = new ArrayList<>();
        steps.add(new WaitForHealthyStep(request));
        if (request.maxRemainingAsgs() > 0) {
            // The new group is the newest, so shrinking always keeps it.
            steps.add(new ShrinkClusterStep(request.location(), request.clusterName(), request.maxRemainingAsgs(),
                    request.allowDeleteActive(), false));
        }
        if (request.delayBeforeDisableSec() > 0) {
            steps.add(new WaitBeforeDisableStep(request));
        }
        steps.add(new DisablePreviousServerGroupsStep(request));
        if (request.scaleDown()) {
            if (request.delayBeforeScaleDownSec() > 0) {
                steps.add(new WaitBeforeScaleDownStep(request));
            }
            steps.add(new ScaleDownDisabledServerGroupsStep(request));
        }
        return steps;
    }

    @Override
    public List<OperationStep> onFailure(DeployRequest request) {
        return RestorePrevious.steps(request);
    }
}
