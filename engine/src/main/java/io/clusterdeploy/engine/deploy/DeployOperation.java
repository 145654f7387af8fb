package io.clusterdeploy.engine.deploy;

import io.clusterdeploy.engine.canary.source.MetricSources;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.operation.Operation;
import io.clusterdeploy.engine.operation.OperationStep;
import io.clusterdeploy.engine.operation.OperationTarget;
import io.clusterdeploy.engine.provider.ClusterGroups;
import io.clusterdeploy.engine.provider.CreateServerGroupRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A deploy: the new server group's creation between its strategy's steps. */
public final class DeployOperation {
    private DeployOperation() {
    }

    /**
     * {@code hooks} resolves rolling red/black's validation settings, when the request has any; {@code sources}
     * are where a canary's metrics are read.
     */
    public static Operation create(DeployRequest request, DeployStrategy strategy, ValidationHooks hooks,
                                   MetricSources sources) {
        ValidationHook hook = request.validation().isEmpty() ? null : hooks.resolve("validation", request.validation());
        List<OperationStep> steps = new ArrayList<>(strategy.beforeCreate(request, sources));
        DeployStrategy production = strategy.production(request);
        steps.add(new CreateServerGroupStep(request, production::initialCapacity,
                production.reusesIdenticalServerGroup()));
        steps.addAll(strategy.afterCreate(request, hook));
        OperationTarget target = new OperationTarget(request.account(), request.location(), request.cluster().app(),
                request.clusterName());
        return new Operation("deploy", target, false, provider -> {
            Capacity capacity = request.capacity() != null ? request.capacity()
                    : CreateServerGroupStep.sourceCapacity(
                            ClusterGroups.of(provider, request.location(), request.clusterName()));
            provider.validate(new CreateServerGroupRequest(request.cluster().withSequence(0).format(),
                    request.location(), capacity, request.loadBalancers(), request.securityGroups(),
                    request.spec(), Map.of()));
            strategy.preflight(provider, request);
        }, steps, strategy.onFailure(request));
    }
}
