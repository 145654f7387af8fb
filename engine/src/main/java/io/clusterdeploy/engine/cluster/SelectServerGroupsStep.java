package io.clusterdeploy.engine.cluster;

import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.operation.OperationContext;
import io.clusterdeploy.engine.operation.OperationStep;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * rollbackCluster, first: which group is current and which is restored, at what capacity, and how the
 * restored group was before (for the undo), chosen once and kept so a resumed rollback does not choose again.
 */
final class SelectServerGroupsStep implements OperationStep {
    private final ClusterRef ref;
    private final String restoreName;

    SelectServerGroupsStep(ClusterRef ref, String restoreName) {
        this.ref = ref;
        this.restoreName = restoreName;
    }

    @Override
    public String run(OperationContext ctx) {
        if (ctx.getString(RollbackCluster.CURRENT) == null) {
            RollbackCluster.Choice c = RollbackCluster.choose(ctx.provider(), ref, restoreName);
            Capacity a = c.current().capacity();
            Capacity b = c.restore().capacity();
            Capacity target = new Capacity(Math.max(a.min(), b.min()), Math.max(a.desired(), b.desired()),
                    Math.max(a.max(), b.max()));
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("enabled", c.restore().enabled());
            before.put("capacity", c.restore().capacity().toMap());
            ctx.put(RollbackCluster.CURRENT, c.current().name());
            ctx.put(RollbackCluster.RESTORE, c.restore().name());
            ctx.put(RollbackCluster.RESTORE_SNAPSHOT, before);
            ctx.put(RollbackCluster.TARGET_CAPACITY, target.toMap());
            ctx.checkpoint();
        }
        return "rolling back from " + ctx.getString(RollbackCluster.CURRENT) + " to "
                + ctx.getString(RollbackCluster.RESTORE);
    }
}
