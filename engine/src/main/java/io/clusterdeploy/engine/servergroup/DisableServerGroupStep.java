package io.clusterdeploy.engine.servergroup;

import io.clusterdeploy.engine.operation.OperationContext;
import io.clusterdeploy.engine.operation.OperationStep;

/**
 * Takes a share of the group's instances out of traffic (all of them at 100%). Before a destroy a group
 * that is already gone needs no disabling.
 */
final class DisableServerGroupStep implements OperationStep {
    private final ServerGroupRef ref;
    private final int percentage;
    private final boolean beforeDestroy;

    DisableServerGroupStep(ServerGroupRef ref, int percentage, boolean beforeDestroy) {
        this.ref = ref;
        this.percentage = percentage;
        this.beforeDestroy = beforeDestroy;
    }

    @Override
    public String run(OperationContext ctx) {
        if (beforeDestroy) {
            if (ctx.provider().serverGroup(ref.location(), ref.serverGroup()).isEmpty()) {
                return ref.serverGroup() + " is already gone";
            }
            ctx.provider().disable(ref.location(), ref.serverGroup(), 100);
            return "disabled " + ref.serverGroup();
        }
        ctx.provider().disable(ref.location(), ref.serverGroup(), percentage);
        return "disabled " + percentage + "% of " + ref.serverGroup();
    }
}
