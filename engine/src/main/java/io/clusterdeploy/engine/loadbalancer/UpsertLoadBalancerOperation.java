package io.clusterdeploy.engine.loadbalancer;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Fields;
import io.clusterdeploy.engine.naming.ServerGroupName;
import io.clusterdeploy.engine.operation.Operation;
import io.clusterdeploy.engine.operation.OperationTarget;
import io.clusterdeploy.engine.provider.UpsertLoadBalancerRequest;
import java.util.List;

/** Creates or updates a load balancer. Its name follows the cluster naming rules (app-stack-detail). */
public final class UpsertLoadBalancerOperation {
    private UpsertLoadBalancerOperation() {
    }

    public static Operation parse(Fields f, String account, String location) {
        String name = f.requiredString("name");
        ServerGroupName parsed;
        try {
            parsed = ServerGroupName.parse(name);
            if (parsed.sequence() != null) {
                throw ClusterDeployException.invalid("name", "a load balancer name has no version suffix");
            }
        } catch (ClusterDeployException e) {
            throw ClusterDeployException.invalid(f.path("name"), f.path("name") + ": " + e.getMessage());
        }
        UpsertLoadBalancerRequest request = new UpsertLoadBalancerRequest(name, location, f.optionalMap("spec"));
        // The provider checks its own settings before anything is accepted, as for every operation.
        return Operation.of("upsertLoadBalancer", new OperationTarget(account, location, parsed.app(), name),
                provider -> provider.validate(request), List.of(new UpsertLoadBalancerStep(request)));
    }
}
