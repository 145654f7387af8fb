package io.clusterdeploy.engine.deploy;

import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.ClusterGroups;
import io.clusterdeploy.engine.operation.Step;
import io.clusterdeploy.engine.operation.StepContext;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The health gate: waits until the new group has ceil(desired × targetHealthyDeployPercentage
 * / 100) instances up, or fails after the deploy timeout. Nothing older is touched before it passes.
 */
final class WaitForHealthyStep implements Step {
    private final String location;
    private final int percentage;
    private final Duration timeout;

    WaitForHealthyStep(String location, int percentage, Duration timeout) {
        this.location = location;
        this.percentage = percentage;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "waitForHealthy";
    }

    @Override
    public String run(StepContext ctx) throws InterruptedException {
        String name = ctx.getString(DeployContext.NEW_SERVER_GROUP);
        AtomicReference<String> progress = new AtomicReference<>("not checked yet");
        ctx.waitUntil(timeout, () -> {
            ServerGroup sg = ClusterGroups.require(ctx.provider(), location, name, "serverGroupName");
            int required = ClusterGroups.requiredUp(sg.capacity().desired(), percentage);
            progress.set(name + " has " + sg.upCount() + "/" + sg.capacity().desired()
                    + " instances up, " + required + " needed (" + percentage + "%)");
            return sg.upCount() >= required;
        }, () -> "new server group never passed its health gate: " + progress.get());
        return progress.get();
    }
}
