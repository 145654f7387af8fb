package io.clusterdeploy.engine.deploy;

import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.OperationContext;
import io.clusterdeploy.engine.provider.ClusterGroups;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The health gate of a deploy: ceil(desired × targetHealthyDeployPercentage / 100) instances of the new group
 * up. {@link #await} waits for it; {@link #verifyStillHealthy} checks it again right before traffic leaves
 * older groups, because a group that was healthy a delay ago may not be now, and Spinnaker's best-known
 * red/black bug is disabling a healthy old group for an unhealthy new one. Every step that takes traffic
 * away for a new group goes through this one check.
 */
public record HealthGate(String location, int percentage, Duration timeout) {

    public static HealthGate of(DeployRequest request) {
        return new HealthGate(request.location(), request.targetHealthyDeployPercentage(), request.deployTimeout());
    }

    private String progress(ServerGroup sg) {
        return sg.name() + " has " + sg.upCount() + "/" + sg.capacity().desired() + " instances up, "
                + sg.capacity().requiredUp(percentage) + " needed (" + percentage + "%)";
    }

    /** Waits until the group passes; returns how far it got, for the timeline. */
    String await(OperationContext ctx, String name) throws InterruptedException {
        AtomicReference<String> progress = new AtomicReference<>("not checked yet");
        ctx.waitUntil(timeout, () -> {
            ServerGroup sg = ClusterGroups.require(ctx.provider(), location, name, "serverGroupName");
            progress.set(progress(sg));
            return sg.upCount() >= sg.capacity().requiredUp(percentage);
        }, () -> "new server group never passed its health gate: " + progress.get());
        return progress.get();
    }

    /** CONFLICT, refusing {@code action}, unless the group is enabled and passes the gate now. */
    void verifyStillHealthy(OperationContext ctx, String name, String action) {
        ServerGroup fresh = ClusterGroups.require(ctx.provider(), location, name, "serverGroupName");
        int required = fresh.capacity().requiredUp(percentage);
        boolean holds = fresh.upCount() >= required && fresh.enabled();
        ctx.require(name + " enabled with at least " + required + " instances up before " + action, holds,
                () -> "refusing to " + action + ": " + name + " has " + fresh.upCount() + " instances up, " + required
                        + " needed" + (fresh.disabled() ? ", and it is disabled" : ""));
    }
}
