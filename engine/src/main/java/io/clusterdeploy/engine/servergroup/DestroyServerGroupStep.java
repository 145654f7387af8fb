package io.clusterdeploy.engine.servergroup;

import io.clusterdeploy.engine.operation.OperationContext;
import io.clusterdeploy.engine.operation.OperationStep;

/** Deletes the group and its instances (a group that is gone stays gone). */
final class DestroyServerGroupStep implements OperationStep {
    private final ServerGroupRef ref;

    DestroyServerGroupStep(ServerGroupRef ref) {
        this.ref = ref;
    }

    @Override
    public String run(OperationContext ctx) {
        ctx.provider().destroy(ref.location(), ref.serverGroup());
        return "destroyed " + ref.serverGroup();
    }
}
