package io.clusterdeploy.engine.cluster;

import io.clusterdeploy.engine.operation.ContextKeys;
import io.clusterdeploy.engine.operation.OperationContext;
import io.clusterdeploy.engine.operation.OperationStep;

/** rollbackCluster, last: the group rolled back from leaves traffic once the restored one is healthy. */
final class DisableCurrentServerGroupStep implements OperationStep {
    private final String location;

    DisableCurrentServerGroupStep(String location) {
        this.location = location;
    }

    @Override
    public String run(OperationContext ctx) {
        String current = ctx.getString(RollbackCluster.CURRENT);
        ctx.provider().disable(location, current, 100);
        ctx.append(ContextKeys.DISABLED, current);
        return "disabled " + current;
    }
}
