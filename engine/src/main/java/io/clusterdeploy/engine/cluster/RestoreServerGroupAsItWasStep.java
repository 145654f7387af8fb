package io.clusterdeploy.engine.cluster;

import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.OperationContext;
import io.clusterdeploy.engine.operation.OperationStep;
import java.util.Map;
import java.util.Optional;

/** After a failed rollbackCluster: the group we tried to restore goes back as it was, unless it is all that serves. */
final class RestoreServerGroupAsItWasStep implements OperationStep {
    private final String location;

    RestoreServerGroupAsItWasStep(String location) {
        this.location = location;
    }

    @Override
    public String run(OperationContext ctx) {
        String restoreName = ctx.getString(RollbackCluster.RESTORE);
        if (restoreName == null) {
            return "nothing was changed";
        }
        Optional<ServerGroup> current = ctx.provider().serverGroup(location, ctx.getString(RollbackCluster.CURRENT));
        if (current.isEmpty() || current.get().disabled()) {
            return "the current group is no longer enabled; leaving " + restoreName + " serving";
        }
        Map<?, ?> before = (Map<?, ?>) ctx.get(RollbackCluster.RESTORE_SNAPSHOT);
        if (Boolean.FALSE.equals(before.get("enabled"))) {
            ctx.provider().disable(location, restoreName, 100);
        }
        ctx.provider().resize(location, restoreName, Capacity.fromMap(before.get("capacity")));
        return restoreName + " put back as it was";
    }
}
