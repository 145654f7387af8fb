package io.clusterdeploy.engine.deploy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.naming.ServerGroupSequence;
import io.clusterdeploy.engine.operation.OperationContext;
import io.clusterdeploy.engine.operation.OperationStep;
import io.clusterdeploy.engine.provider.CloudProvider;
import io.clusterdeploy.engine.provider.ClusterGroups;
import io.clusterdeploy.engine.provider.CreateServerGroupRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Picks the next name, snapshots the cluster and creates the new server group. The name and
 * snapshot are persisted before the cloud is asked, so a resumed run creates the same group
 * once or adopts the one it already created. When the cloud says the cluster's newest group runs this
 * already (and the strategy allows it), that group is the deploy's instead, and nothing is created.
 */
public final class CreateServerGroupStep implements OperationStep {
    private final DeployRequest request;
    private final UnaryOperator<Capacity> initialCapacity;
    private final boolean mayReuse;

    /**
     * @param initialCapacity the strategy's capacity at creation, from the deploy's
     * @param mayReuse        the newest group may be reused when the cloud says it runs this already
     */
    public CreateServerGroupStep(DeployRequest request, UnaryOperator<Capacity> initialCapacity, boolean mayReuse) {
        this.request = request;
        this.initialCapacity = initialCapacity;
        this.mayReuse = mayReuse;
    }

    /** The new group's name, capacity and the groups serving before it are checkpointed before the cloud is asked. */
    @Override
    public boolean recordsBeforeActing() {
        return true;
    }

    @Override
    public String run(OperationContext ctx) {
        CloudProvider provider = ctx.provider();
        String name = ctx.getString(DeployContext.NEW_SERVER_GROUP);
        if (name == null) {
            List<ServerGroup> cluster = ClusterGroups.of(provider, request.location(), request.clusterName());
            Capacity capacity = request.capacity() != null ? request.capacity() : sourceCapacity(cluster);
            String next = request.cluster().withSequence(ServerGroupSequence.next(cluster)).format();
            Optional<String> reuse = mayReuse ? provider.reusable(creation(next, capacity, ctx), cluster)
                    : Optional.empty();
            name = reuse.orElse(next);
            String chosen = name;
            ctx.put(DeployContext.NEW_SERVER_GROUP, name);
            ctx.put(DeployContext.CAPACITY, capacity.toMap());
            if (reuse.isPresent()) {
                ctx.put(DeployContext.REUSED, true);
            }
            // Only what a rollback restores: the groups serving before the deploy (not the one reused). The state
            // of an operation must not grow with the cluster's history of disabled groups.
            ctx.put(DeployContext.PREVIOUS, cluster.stream().filter(ServerGroup::enabled)
                    .filter(sg -> !sg.name().equals(chosen))
                    .map(sg -> DeployContext.Snapshot.of(sg).toMap()).toList());
            ctx.checkpoint();
        }
        if (DeployContext.reused(ctx)) {
            ClusterGroups.require(provider, request.location(), name, "serverGroupName");
            return "reused " + name + ": it runs this already";
        }
        Optional<ServerGroup> existing = provider.serverGroup(request.location(), name);
        if (existing.isPresent()) {
            String owner = existing.get().tags().get(ServerGroup.TAG_OPERATION);
            if (!ctx.operationId().equals(owner)) {
                throw ClusterDeployException.conflict("name", "server group " + name
                        + " already exists and was not created by this operation");
            }
            return "adopted " + name + ", created before a restart";
        }
        Capacity capacity = initialCapacity.apply(Capacity.fromMap(ctx.get(DeployContext.CAPACITY)));
        provider.createServerGroup(creation(name, capacity, ctx));
        return "created " + name + " with capacity " + capacity.min() + "/" + capacity.desired() + "/" + capacity.max();
    }

    private CreateServerGroupRequest creation(String name, Capacity capacity, OperationContext ctx) {
        return new CreateServerGroupRequest(name, request.location(), capacity, request.loadBalancers(),
                request.securityGroups(), request.spec(), Map.of(ServerGroup.TAG_OPERATION, ctx.operationId()));
    }

    /** useSourceCapacity: the newest enabled group's capacity. */
    static Capacity sourceCapacity(List<ServerGroup> cluster) {
        return cluster.stream().filter(ServerGroup::enabled).findFirst().map(ServerGroup::capacity)
                .orElseThrow(() -> ClusterDeployException.invalid("capacity",
                        "capacity is required: useSourceCapacity found no enabled server group in the cluster"));
    }
}
