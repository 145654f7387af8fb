package io.clusterdeploy.engine.deploy.strategy;

import io.clusterdeploy.engine.deploy.DeployRequest;
import io.clusterdeploy.engine.deploy.DeployStrategy;
import io.clusterdeploy.engine.deploy.DisableSourceStep;
import io.clusterdeploy.engine.deploy.PinSourceCapacityStep;
import io.clusterdeploy.engine.deploy.ResizeNewServerGroupStep;
import io.clusterdeploy.engine.deploy.ScaleDownDisabledServerGroupsStep;
import io.clusterdeploy.engine.deploy.Strategy;
import io.clusterdeploy.engine.deploy.UnpinSourceCapacityStep;
import io.clusterdeploy.engine.deploy.ValidateStep;
import io.clusterdeploy.engine.deploy.ValidationHook;
import io.clusterdeploy.engine.deploy.WaitBeforeDisableStep;
import io.clusterdeploy.engine.deploy.WaitBeforeScaleDownStep;
import io.clusterdeploy.engine.deploy.WaitForHealthyStep;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.operation.OperationStep;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code rollingredblack}: the new group is created empty and the source's minimum pinned; then for each
 * target percentage the new group grows to that share, must pass its health gate (and the validation hook),
 * and only then is the same share of the source's instances taken out of traffic. The source is unpinned at
 * the end and after any failure.
 */
public final class RollingRedBlack implements DeployStrategy {

    @Override
    public Strategy id() {
        return Strategy.ROLLINGREDBLACK;
    }

    /** It moves traffic share by share to a group it grows from nothing: reusing a serving one makes no sense. */
    @Override
    public boolean reusesIdenticalServerGroup() {
        return false;
    }

    @Override
    public Capacity initialCapacity(Capacity target) {
        return new Capacity(0, 0, target.max());
    }

    @Override
    public List<OperationStep> afterCreate(DeployRequest request, ValidationHook validation) {
        List<OperationStep> steps = new ArrayList<>();
        steps.add(new PinSourceCapacityStep(request));
        for (int p : request.targetPercentages()) {
            steps.add(new ResizeNewServerGroupStep(request, p));
            steps.add(new WaitForHealthyStep(request, p));
            if (request.delayBeforeDisableSec() > 0) {
                steps.add(new WaitBeforeDisableStep(request, p));
            }
            if (validation != null) {
                steps.add(new ValidateStep(validation, p));
            }
            steps.add(new DisableSourceStep(request, p));
        }
        if (request.scaleDown()) {
            if (request.delayBeforeScaleDownSec() > 0) {
                steps.add(new WaitBeforeScaleDownStep(request));
            }
            steps.add(new ScaleDownDisabledServerGroupsStep(request));
        }
        steps.add(new UnpinSourceCapacityStep(request));
        return steps;
    }

    @Override
    public List<OperationStep> onFailure(DeployRequest request) {
        List<OperationStep> steps = new ArrayList<>();
        steps.add(new UnpinSourceCapacityStep(request));
        steps.addAll(RestorePrevious.steps(request));
        return steps;
    }
}
