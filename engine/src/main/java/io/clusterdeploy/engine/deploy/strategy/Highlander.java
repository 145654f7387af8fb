package io.clusterdeploy.engine.deploy.strategy;

import io.clusterdeploy.engine.deploy.DeployRequest;
import io.clusterdeploy.engine.deploy.DeployStrategy;
import io.clusterdeploy.engine.deploy.DestroyPreviousServerGroupsStep;
import io.clusterdeploy.engine.deploy.DisablePreviousServerGroupsStep;
import io.clusterdeploy.engine.deploy.Strategy;
import io.clusterdeploy.engine.deploy.ValidationHook;
import io.clusterdeploy.engine.deploy.WaitBeforeDisableStep;
import io.clusterdeploy.engine.deploy.WaitForHealthyStep;
import io.clusterdeploy.engine.operation.OperationStep;
import java.util.ArrayList;
import java.util.List;

/** {@code highlander}: there can be only one. Deploy, wait healthy, then disable and destroy every older group. */
public final class Highlander implements DeployStrategy {

    @Override
    public Strategy id() {
        return Strategy.HIGHLANDER;
    }

    @Override
    public List<OperationStep> afterCreate(DeployRequest request, ValidationHook validation) {
        List<OperationStep> steps = new ArrayList<>();
        steps.add(new WaitForHealthyStep(request));
        if (request.delayBeforeDisableSec() > 0) {
            steps.add(new WaitBeforeDisableStep(request));
        }
        steps.add(new DisablePreviousServerGroupsStep(request));
        steps.add(new DestroyPreviousServerGroupsStep(request));
        return steps;
    }

    @Override
    public List<OperationStep> onFailure(DeployRequest request) {
        return RestorePrevious.steps(request);
    }
}
