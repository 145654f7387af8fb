package io.clusterdeploy.engine.deploy.strategy;

import io.clusterdeploy.engine.deploy.DeployRequest;
import io.clusterdeploy.engine.deploy.DeployStrategy;
import io.clusterdeploy.engine.deploy.Strategy;
import io.clusterdeploy.engine.deploy.ValidationHook;
import io.clusterdeploy.engine.deploy.WaitForHealthyStep;
import io.clusterdeploy.engine.operation.OperationStep;
import java.util.List;

/** {@code none}: create the new server group, wait until it is healthy, touch nothing else. */
public final class NoStrategy implements DeployStrategy {

    @Override
    public Strategy id() {
        return Strategy.NONE;
    }

    @Override
    public List<OperationStep> afterCreate(DeployRequest request, ValidationHook validation) {
        return List.of(new WaitForHealthyStep(request));
    }

    @Override
    public List<OperationStep> onFailure(DeployRequest request) {
        return RestorePrevious.steps(request);
    }
}
