package io.clusterdeploy.engine.loadbalancer;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Fields;
import io.clusterdeploy.engine.model.LoadBalancer;
import io.clusterdeploy.engine.naming.ServerGroupName;
import io.clusterdeploy.engine.operation.Operation;
import io.clusterdeploy.engine.operation.Step;
import io.clusterdeploy.engine.operation.StepContext;
import io.clusterdeploy.engine.provider.CloudProvider;
import io.clusterdeploy.engine.provider.UpsertLoadBalancerRequest;
import java.util.List;

/** Creates or updates a load balancer. Its name follows the cluster naming rules (app-stack-detail). */
public final class UpsertLoadBalancerOperation implements Operation {
    private final String account;
    private final UpsertLoadBalancerRequest request;

    private UpsertLoadBalancerOperation(String account, UpsertLoadBalancerRequest request) {
        this.account = account;
        this.request = request;
    }

    public static UpsertLoadBalancerOperation parse(Fields f, String account, String location) {
        String name = f.requiredString("name");
        try {
            ServerGroupName parsed = ServerGroupName.parse(name);
            if (parsed.sequence() != null) {
                throw ClusterDeployException.invalid("name", "a load balancer name has no version suffix");
            }
        } catch (ClusterDeployException e) {
            throw ClusterDeployException.invalid(f.path("name"), f.path("name") + ": " + e.getMessage());
        }
        return new UpsertLoadBalancerOperation(account,
                new UpsertLoadBalancerRequest(name, location, f.optionalMap("spec")));
    }

    @Override
    public String type() {
        return "upsertLoadBalancer";
    }

    @Override
    public String account() {
        return account;
    }

    @Override
    public String location() {
        return request.location();
    }

    @Override
    public String cluster() {
        return request.name();
    }

    @Override
    public void preflight(CloudProvider provider) {
        // Provider-specific settings are checked by the provider when the step runs; the
        // provider validates before it changes anything.
    }

    @Override
    public List<Step> steps() {
        return List.of(new Step() {
            @Override
            public String name() {
                return "upsertLoadBalancer";
            }

            @Override
            public String run(StepContext ctx) {
                LoadBalancer lb = ctx.provider().upsertLoadBalancer(request);
                return "load balancer " + lb.name() + " at " + lb.address();
            }
        });
    }

    @Override
    public List<Step> rollbackSteps() {
        return List.of();
    }
}
