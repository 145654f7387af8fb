package io.clusterdeploy.engine.deploy;

import io.clusterdeploy.engine.cluster.ShrinkClusterStep;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.operation.ClusterGroups;
import io.clusterdeploy.engine.operation.Operation;
import io.clusterdeploy.engine.operation.Step;
import io.clusterdeploy.engine.provider.CloudProvider;
import io.clusterdeploy.engine.provider.CreateServerGroupRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A deploy with one of Spinnaker's strategies, as an ordered plan of steps. */
public final class DeployOperation implements Operation {
    private final DeployRequest request;
    private final ValidationHook hook;

    /** {@code hooks} resolves rolling red/black's validation settings, when the request has any. */
    public DeployOperation(DeployRequest request, ValidationHooks hooks) {
        this.request = request;
        this.hook = request.validation().isEmpty() ? null : hooks.resolve("validation", request.validation());
    }

    public DeployRequest request() {
        return request;
    }

    @Override
    public String type() {
        return "deploy";
    }

    @Override
    public String account() {
        return request.account();
    }

    @Override
    public String location() {
        return request.location();
    }

    @Override
    public String cluster() {
        return request.clusterName();
    }

    @Override
    public void preflight(CloudProvider provider) {
        Capacity capacity = request.capacity() != null ? request.capacity()
                : CreateServerGroupStep.sourceCapacity(
                        ClusterGroups.of(provider, request.location(), request.clusterName()));
        provider.validate(new CreateServerGroupRequest(request.cluster().withSequence(0).format(),
                request.location(), capacity, request.loadBalancers(), request.securityGroups(),
                request.spec(), Map.of()));
    }

    @Override
    public List<Step> steps() {
        if (request.strategy() == Strategy.ROLLINGREDBLACK) {
            List<Step> steps = new ArrayList<>();
            steps.add(new CreateServerGroupStep(request));
            steps.addAll(new RollingRedBlackSteps(request, hook).steps());
            return List.copyOf(steps);
        }
        List<Step> steps = new ArrayList<>();
        steps.add(new CreateServerGroupStep(request));
        steps.add(new WaitForHealthyStep(request.location(), request.targetHealthyDeployPercentage(),
                request.deployTimeout()));
        switch (request.strategy()) {
            case NONE -> { }
            case HIGHLANDER -> {
                if (request.delayBeforeDisableSec() > 0) {
                    steps.add(new DelayStep("waitBeforeDisable", request.delayBeforeDisableSec()));
                }
                steps.add(new DisablePreviousStep(request));
                steps.add(new DestroyPreviousStep(request));
            }
            case ROLLINGREDBLACK -> throw new IllegalStateException("planned above");
            case REDBLACK -> {
                if (request.maxRemainingAsgs() > 0) {
                    steps.add(new ShrinkClusterStep(request.location(), request.clusterName(),
                            request.maxRemainingAsgs(), request.allowDeleteActive(), false));
                }
                if (request.delayBeforeDisableSec() > 0) {
                    steps.add(new DelayStep("waitBeforeDisable", request.delayBeforeDisableSec()));
                }
                steps.add(new DisablePreviousStep(request));
                if (request.scaleDown()) {
                    if (request.delayBeforeScaleDownSec() > 0) {
                        steps.add(new DelayStep("waitBeforeScaleDown", request.delayBeforeScaleDownSec()));
                    }
                    steps.add(new ScaleDownDisabledStep(request.location()));
                }
            }
        }
        return List.copyOf(steps);
    }

    @Override
    public List<Step> rollbackSteps() {
        if (request.strategy() == Strategy.ROLLINGREDBLACK) {
            return new RollingRedBlackSteps(request, hook).rollbackSteps();
        }
        if (!request.rollbackOnFailure()) {
            return List.of();
        }
        return List.of(new RestorePreviousStep(request),
                new RemoveNewStep(request.location(), request.rollbackDestroyLatest()));
    }
}
