package io.clusterdeploy.engine.deploy;

import io.clusterdeploy.engine.operation.OperationContext;
import io.clusterdeploy.engine.operation.OperationStep;
import java.util.Optional;

/** Rollback, second half: the new group leaves traffic (it stays, for a look at what went wrong). */
public final class DisableNewServerGroupStep implements OperationStep {
    private final String location;

    public DisableNewServerGroupStep(DeployRequest request) {
        this.location = request.location();
    }

    @Override
    public String run(OperationContext ctx) {
        String name = DeployContext.newServerGroup(ctx);
        if (name == null || ctx.provider().serverGroup(location, name).isEmpty()) {
            return "no new server group to remove";
        }
        if (DeployContext.reused(ctx)) {
            return "kept " + name + ": it served before this deploy, which reused it";
        }
        Optional<String> keep = LastServingGroup.keepServing(ctx, location, name);
        if (keep.isPresent()) {
            return keep.get();
        }
        ctx.provider().disable(location, name, 100);
        ctx.append(DeployContext.DISABLED, name);
        return "disabled " + name;
    }
}
