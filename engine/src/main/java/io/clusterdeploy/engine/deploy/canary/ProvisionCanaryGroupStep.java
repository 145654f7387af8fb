package io.clusterdeploy.engine.deploy.canary;

import io.clusterdeploy.engine.deploy.DeployRequest;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.naming.ServerGroupName;
import io.clusterdeploy.engine.naming.ServerGroupSequence;
import io.clusterdeploy.engine.operation.OperationContext;
import io.clusterdeploy.engine.operation.OperationStep;
import io.clusterdeploy.engine.provider.CloudProvider;
import io.clusterdeploy.engine.provider.ClusterGroups;
import io.clusterdeploy.engine.provider.CreateServerGroupRequest;
import java.util.Map;
import java.util.Optional;

/**
 * Creates the baseline (what production's serving group runs) or the canary (what the deploy asks for) in its own
 * cluster beside production, with {@code canaryCapacity} instances, in production's load balancers. As with the
 * deploy's own group, the name (and, for the baseline, which production group it copies) is persisted before the
 * cloud is asked, so a resumed run creates it once or adopts what it created.
 */
public final class ProvisionCanaryGroupStep implements OperationStep {
    private final DeployRequest request;
    private final CanarySide side;

    public ProvisionCanaryGroupStep(DeployRequest request, CanarySide side) {
        this.request = request;
        this.side = side;
    }

    @Override
    public String parameter() {
        return side.label();
    }

    @Override
    public String run(OperationContext ctx) {
        CloudProvider provider = ctx.provider();
        CanaryRecord record = CanaryRecord.of(ctx);
        String production = record.string(CanaryRecord.PRODUCTION);
        if (production == null) {
            production = ProductionGroup.serving(provider, request).name();
            record.put(CanaryRecord.PRODUCTION, production);
        }
        String name = record.string(side.recordKey());
        if (name == null) {
            ServerGroupName cluster = side.cluster(request);
            name = cluster.withSequence(ServerGroupSequence.next(
                    ClusterGroups.of(provider, request.location(), cluster.clusterName()))).format();
            record.put(side.recordKey(), name);
        }
        Optional<ServerGroup> existing = provider.serverGroup(request.location(), name);
        if (existing.isPresent()) {
            if (!ctx.operationId().equals(existing.get().tags().get(ServerGroup.TAG_OPERATION))) {
                throw ClusterDeployException.conflict("name", "server group " + name
                        + " already exists and was not created by this canary");
            }
            return "adopted " + name + ", created before a restart";
        }
        ServerGroup source = ClusterGroups.require(provider, request.location(), production, "serverGroupName");
        Map<String, Object> spec = side == CanarySide.BASELINE ? baselineSpec(provider, source) : request.spec();
        Capacity capacity = CanaryDeploy.capacity(request);
        provider.createServerGroup(new CreateServerGroupRequest(name, request.location(), capacity,
                CanaryDeploy.loadBalancers(request, source),
                side == CanarySide.BASELINE ? source.securityGroups() : request.securityGroups(), spec,
                Map.of(ServerGroup.TAG_OPERATION, ctx.operationId(), CanarySide.TAG, side.label())));
        return "created " + side.label() + " " + name + " with " + capacity.desired() + " instance(s)"
                + (side == CanarySide.BASELINE ? ", running what " + production + " runs" : "");
    }

    /** Read at every run and kept in memory only: a spec may hold secrets as given. */
    private Map<String, Object> baselineSpec(CloudProvider provider, ServerGroup source) {
        return provider.deploySpec(request.location(), source.name()).orElseThrow(() -> ClusterDeployException.conflict(
                null, "cannot start a baseline: account '" + provider.account().name() + "' cannot say what "
                        + source.name() + " runs"));
    }
}
