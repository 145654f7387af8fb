package io.clusterdeploy.engine.deploy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.model.HealthState;
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
    public String await(OperationContext ctx, String name) throws InterruptedException {
        AtomicReference<String> progress = new AtomicReference<>("not checked yet");
        ctx.waitUntil(timeout, () -> {
            ServerGroup sg = ClusterGroups.require(ctx.provider(), location, name, "serverGroupName");
            progress.set(progress(sg));
            return sg.upCount() >= sg.capacity().requiredUp(percentage);
        }, () -> "new server group never passed its health gate: " + progress.get());
        return progress.get();
    }

    /**
     * CONFLICT, refusing {@code action}, unless the group is enabled and passes the gate now. Where it does not pass
     * only because some instances' health is not known yet (STARTING or UNKNOWN: instances a provider adopted after
     * a restart are starting until their first probe), it first waits for their health to be known, no longer than
     * the gate's timeout; the judgement itself is the same.
     */
    void verifyStillHealthy(OperationContext ctx, String name, String action) throws InterruptedException {
        ServerGroup fresh = ClusterGroups.require(ctx.provider(), location, name, "serverGroupName");
        if (!ctx.planning() && !passes(fresh) && settling(fresh)) {
            try {
                ctx.waitUntil(timeout, () -> {
                    ServerGroup sg = ClusterGroups.require(ctx.provider(), location, name, "serverGroupName");
                    return passes(sg) || !settling(sg);
                }, () -> "health of " + name + " still not known");
            } catch (ClusterDeployException e) {
                if (e.kind() != ErrorKind.CONFLICT) {
                    throw e;
                }
                // Still not known after the timeout: judged below as it is, which refuses.
            }
            fresh = ClusterGroups.require(ctx.provider(), location, name, "serverGroupName");
        }
        ServerGroup judged = fresh;
        int required = judged.capacity().requiredUp(percentage);
        ctx.require(name + " enabled with at least " + required + " instances up before " + action, passes(judged),
                () -> "refusing to " + action + ": " + name + " has " + judged.upCount() + " instances up, " + required
                        + " needed" + (judged.disabled() ? ", and it is disabled" : ""));
    }

    private boolean passes(ServerGroup sg) {
        return sg.enabled() && sg.upCount() >= sg.capacity().requiredUp(percentage);
    }

    /** Enabled, with instances whose health is not known yet: waiting may make it pass; nothing else would. */
    private static boolean settling(ServerGroup sg) {
        return sg.enabled() && sg.instances().stream()
                .anyMatch(i -> i.health() == HealthState.STARTING || i.health() == HealthState.UNKNOWN);
    }
}
