package io.clusterdeploy.engine.cluster;

import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.ContextKeys;
import io.clusterdeploy.engine.operation.OperationContext;
import io.clusterdeploy.engine.operation.OperationStep;
import io.clusterdeploy.engine.provider.ClusterGroups;

/** rollbackCluster: the restored group grows to the larger of both capacities before it takes traffic. */
final class ResizeRestoreServerGroupStep implements OperationStep {
    private final String location;

    ResizeRestoreServerGroupStep(String location) {
        this.location = location;
    }

    @Override
    public String run(OperationContext ctx) {
        Capacity target = Capacity.fromMap(ctx.get(RollbackCluster.TARGET_CAPACITY));
        ServerGroup restore = ClusterGroups.require(ctx.provider(), location, ctx.getString(RollbackCluster.RESTORE),
                "cluster");
        if (!restore.capacity().equals(target)) {
            ctx.provider().resize(location, restore.name(), target);
            ctx.append(ContextKeys.RESIZED, restore.name());
        }
        return restore.name() + " at " + target.min() + "/" + target.desired() + "/" + target.max();
    }
}
