package io.clusterdeploy.engine.deploy;

import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.operation.Step;
import io.clusterdeploy.engine.operation.StepContext;
import java.util.ArrayList;
import java.util.List;

/** Red/black's {@code scaleDown}: the groups this deploy disabled go to 0/0/0. */
final class ScaleDownDisabledStep implements Step {
    private final String location;

    ScaleDownDisabledStep(String location) {
        this.location = location;
    }

    @Override
    public String name() {
        return "scaleDownDisabledServerGroups";
    }

    @Override
    public String run(StepContext ctx) {
        List<String> done = new ArrayList<>();
        for (String name : DeployContext.names(ctx, DeployContext.DISABLED)) {
            if (ctx.provider().serverGroup(location, name).isPresent()) {
                ctx.checkCancelled();
                ctx.provider().resize(location, name, Capacity.ZERO);
                ctx.append(DeployContext.SCALED_DOWN, name);
                done.add(name);
            }
        }
        return done.isEmpty() ? "nothing to scale down" : "scaled down " + String.join(", ", done) + " to 0";
    }
}
