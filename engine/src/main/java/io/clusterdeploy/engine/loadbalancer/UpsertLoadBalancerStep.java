package io.clusterdeploy.engine.loadbalancer;

import io.clusterdeploy.engine.model.LoadBalancer;
import io.clusterdeploy.engine.operation.OperationContext;
import io.clusterdeploy.engine.operation.OperationStep;
import io.clusterdeploy.engine.provider.UpsertLoadBalancerRequest;

/** Creates the load balancer, or updates it in place. */
final class UpsertLoadBalancerStep implements OperationStep {
    private final UpsertLoadBalancerRequest request;

    UpsertLoadBalancerStep(UpsertLoadBalancerRequest request) {
        this.request = request;
    }

    @Override
    public String run(OperationContext ctx) {
        LoadBalancer lb = ctx.provider().upsertLoadBalancer(request);
        return "load balancer " + lb.name() + " at " + lb.address();
    }
}
