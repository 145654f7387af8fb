package io.clusterdeploy.engine.servergroup;

import io.clusterdeploy.engine.operation.OperationContext;
import io.clusterdeploy.engine.operation.OperationStep;

/** Puts the group back into its load balancers' traffic. */
final class EnableServerGroupStep implements OperationStep {
    private final ServerGroupRef ref;

    EnableServerGroupStep(ServerGroupRef ref) {
        this.ref = ref;
    }

    @Override
    public String run(OperationContext ctx) {
        ctx.provider().enable(ref.location(), ref.serverGroup());
        return "enabled " + ref.serverGroup();
    }
}
