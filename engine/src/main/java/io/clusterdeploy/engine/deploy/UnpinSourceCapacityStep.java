package io.clusterdeploy.engine.deploy;

import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.OperationContext;
import io.clusterdeploy.engine.operation.OperationStep;
import java.util.Optional;

/** Rolling red/black, last (and first after a failure): the source gets its own minimum back. */
public final class UnpinSourceCapacityStep implements OperationStep {
    private final String location;

    public UnpinSourceCapacityStep(DeployRequest request) {
        this.location = request.location();
    }

    @Override
    public String run(OperationContext ctx) {
        String source = ctx.getString(DeployContext.SOURCE);
        Optional<DeployContext.Snapshot> snap = DeployContext.previous(ctx).stream()
                .filter(s -> s.name().equals(source)).findFirst();
        if (snap.isEmpty()) {
            return "nothing pinned";
        }
        Optional<ServerGroup> now = ctx.provider().serverGroup(location, snap.get().name());
        if (now.isEmpty() || now.get().capacity().isZero() || now.get().capacity().min() == snap.get().capacity().min()) {
            return snap.get().name() + " needs no unpinning";
        }
        Capacity c = now.get().capacity();
        int min = Math.min(snap.get().capacity().min(), c.desired());
        ctx.provider().resize(location, snap.get().name(), new Capacity(min, c.desired(), c.max()));
        return "restored the minimum of " + snap.get().name() + " to " + min;
    }
}
