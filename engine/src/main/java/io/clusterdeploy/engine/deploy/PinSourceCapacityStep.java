package io.clusterdeploy.engine.deploy;

import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.operation.OperationContext;
import io.clusterdeploy.engine.operation.OperationStep;
import java.util.Optional;

/**
 * Rolling red/black, first: the source (the newest group enabled before the deploy) gets min = desired, so
 * that nothing scales it in while its traffic moves.
 */
public final class PinSourceCapacityStep implements OperationStep {
    private final String location;

    public PinSourceCapacityStep(DeployRequest request) {
        this.location = request.location();
    }

    @Override
    public String run(OperationContext ctx) {
        Optional<DeployContext.Snapshot> source = DeployContext.previous(ctx).stream()
                .filter(DeployContext.Snapshot::enabled).findFirst();
        if (source.isEmpty()) {
            return "no enabled source server group: nothing to pin";
        }
        ctx.put(DeployContext.SOURCE, source.get().name());
        ctx.checkpoint();
        Capacity c = source.get().capacity();
        if (c.min() != c.desired()) {
            ctx.provider().resize(location, source.get().name(), new Capacity(c.desired(), c.desired(), c.max()));
        }
        return "pinned " + source.get().name() + " at min " + c.desired();
    }
}
