package io.clusterdeploy.engine.deploy.strategy;

import io.clusterdeploy.engine.canary.source.MetricSources;
import io.clusterdeploy.engine.deploy.DeployRequest;
import io.clusterdeploy.engine.deploy.DeployStrategy;
import io.clusterdeploy.engine.deploy.Strategy;
import io.clusterdeploy.engine.deploy.ValidationHook;
import io.clusterdeploy.engine.deploy.canary.AnalyzeCanaryStep;
import io.clusterdeploy.engine.deploy.canary.CanaryDeploy;
import io.clusterdeploy.engine.deploy.canary.CanarySide;
import io.clusterdeploy.engine.deploy.canary.DestroyCanaryGroupsStep;
import io.clusterdeploy.engine.deploy.canary.ProvisionCanaryGroupStep;
import io.clusterdeploy.engine.deploy.canary.WaitForCanaryHealthyStep;
import io.clusterdeploy.engine.deploy.canary.WeighCanaryTrafficStep;
import io.clusterdeploy.engine.operation.OperationStep;
import io.clusterdeploy.engine.provider.CloudProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code canary}: beside production, a baseline (production's artifact) and a canary (the new one) take a slice of
 * production's traffic and are judged interval by interval. A pass destroys both and deploys production with the
 * production strategy (red/black or rolling red/black, with their parameters); a fail destroys both and production
 * is never touched. A cancel does the same as a fail.
 */
public final class Canary implements DeployStrategy {

    @Override
    public Strategy id() {
        return Strategy.CANARY;
    }

    /** The strategy it promotes with creates production's new group and moves its traffic. */
    @Override
    public DeployStrategy production(DeployRequest request) {
        return DeployStrategies.of(request.productionStrategy());
    }

    @Override
    public void preflight(CloudProvider provider, DeployRequest request) {
        CanaryDeploy.preflight(provider, request);
    }

    @Override
    public List<OperationStep> beforeCreate(DeployRequest request, MetricSources sources) {
        return List.of(new ProvisionCanaryGroupStep(request, CanarySide.BASELINE),
                new ProvisionCanaryGroupStep(request, CanarySide.CANARY), new WaitForCanaryHealthyStep(request),
                new WeighCanaryTrafficStep(request),
                new AnalyzeCanaryStep(request, CanaryDeploy.judgement(request.canary(), sources)),
                new DestroyCanaryGroupsStep(request));
    }

    @Override
    public List<OperationStep> afterCreate(DeployRequest request, ValidationHook validation) {
        return production(request).afterCreate(request, validation);
    }

    @Override
    public List<OperationStep> onFailure(DeployRequest request) {
        List<OperationStep> steps = new ArrayList<>();
        steps.add(new DestroyCanaryGroupsStep(request));
        steps.addAll(production(request).onFailure(request));
        return steps;
    }
}
