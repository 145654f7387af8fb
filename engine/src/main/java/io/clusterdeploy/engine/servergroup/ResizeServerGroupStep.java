package io.clusterdeploy.engine.servergroup;

import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.operation.OperationContext;
import io.clusterdeploy.engine.operation.OperationStep;
import io.clusterdeploy.engine.provider.ClusterGroups;

/** Sets the group's capacity, exactly or relative to its current size. */
final class ResizeServerGroupStep implements OperationStep {
    static final String TARGET = "targetCapacity";

    private final ServerGroupRef ref;
    private final ResizeRequest resize;

    ResizeServerGroupStep(ServerGroupRef ref, ResizeRequest resize) {
        this.ref = ref;
        this.resize = resize;
    }

    @Override
    public String run(OperationContext ctx) {
        // The target is computed once and kept, so a resumed relative resize does not apply twice.
        if (ctx.get(TARGET) == null) {
            Capacity now = ClusterGroups.require(ctx.provider(), ref.location(), ref.serverGroup(),
                    "serverGroupName").capacity();
            ctx.put(TARGET, resize.target(now).toMap());
            ctx.checkpoint();
        }
        Capacity capacity = Capacity.fromMap(ctx.get(TARGET));
        ctx.provider().resize(ref.location(), ref.serverGroup(), capacity);
        return "capacity set to " + capacity.min() + "/" + capacity.desired() + "/" + capacity.max();
    }
}
