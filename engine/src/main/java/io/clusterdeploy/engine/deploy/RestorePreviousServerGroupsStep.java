package io.clusterdeploy.engine.deploy;

import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.OperationContext;
import io.clusterdeploy.engine.operation.OperationStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rollback, first half: every group that was enabled before the deploy is back at its capacity,
 * enabled and healthy, before the new group loses traffic.
 */
public final class RestorePreviousServerGroupsStep implements OperationStep {
    private final DeployRequest request;

    public RestorePreviousServerGroupsStep(DeployRequest request) {
        this.request = request;
    }

    @Override
    public String run(OperationContext ctx) throws InterruptedException {
        if (DeployContext.newServerGroup(ctx) == null) {
            return "nothing to roll back: no server group was created";
        }
        List<DeployContext.Snapshot> restored = new ArrayList<>();
        for (DeployContext.Snapshot snap : DeployContext.previous(ctx)) {
            if (!snap.enabled()) {
                continue;
            }
            Optional<ServerGroup> current = ctx.provider().serverGroup(request.location(), snap.name());
            if (current.isEmpty()) {
                continue;
            }
            if (!current.get().capacity().equals(snap.capacity())) {
                ctx.provider().resize(request.location(), snap.name(), snap.capacity());
            }
            // Unconditionally: a partly disabled group (rolling red/black) still counts as enabled.
            ctx.provider().enable(request.location(), snap.name());
            restored.add(snap);
        }
        for (DeployContext.Snapshot snap : restored) {
            int required = snap.capacity().requiredUp(request.targetHealthyDeployPercentage());
            ctx.waitUntil(request.deployTimeout(), () -> ctx.provider().serverGroup(request.location(), snap.name())
                            .map(sg -> sg.enabled() && sg.upCount() >= required).orElse(false),
                    () -> snap.name() + " did not come back healthy");
        }
        return restored.isEmpty() ? "no previously enabled server group to restore"
                : "restored " + String.join(", ", restored.stream().map(DeployContext.Snapshot::name).toList());
    }
}
