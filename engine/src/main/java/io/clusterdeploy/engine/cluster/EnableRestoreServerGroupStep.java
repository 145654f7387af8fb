package io.clusterdeploy.engine.cluster;

import io.clusterdeploy.engine.operation.ContextKeys;
import io.clusterdeploy.engine.operation.OperationContext;
import io.clusterdeploy.engine.operation.OperationStep;

/** rollbackCluster: the restored group takes traffic beside the current one. */
final class EnableRestoreServerGroupStep implements OperationStep {
    private final String location;

    EnableRestoreServerGroupStep(String location) {
        this.location = location;
    }

    @Override
    public String run(OperationContext ctx) {
        String restore = ctx.getString(RollbackCluster.RESTORE);
        ctx.provider().enable(location, restore);
        ctx.append(ContextKeys.ENABLED, restore);
        return "enabled " + restore;
    }
}
