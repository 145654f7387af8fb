package io.clusterdeploy.engine.deploy;

import io.clusterdeploy.engine.operation.Step;
import io.clusterdeploy.engine.operation.StepContext;

/** Rollback, second half: the new group is disabled, or destroyed when {@code rollback.destroyLatest}. */
final class RemoveNewStep implements Step {
    private final String location;
    private final boolean destroy;

    RemoveNewStep(String location, boolean destroy) {
        this.location = location;
        this.destroy = destroy;
    }

    @Override
    public String name() {
        return destroy ? "destroyNewServerGroup" : "disableNewServerGroup";
    }

    @Override
    public String run(StepContext ctx) {
        String name = ctx.getString(DeployContext.NEW_SERVER_GROUP);
        if (name == null || ctx.provider().serverGroup(location, name).isEmpty()) {
            return "no new server group to remove";
        }
        ctx.provider().disable(location, name, 100);
        if (destroy) {
            ctx.provider().destroy(location, name);
            ctx.append(DeployContext.DESTROYED, name);
            return "destroyed " + name;
        }
        ctx.append(DeployContext.DISABLED, name);
        return "disabled " + name;
    }
}
