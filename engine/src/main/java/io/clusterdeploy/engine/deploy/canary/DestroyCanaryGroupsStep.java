package io.clusterdeploy.engine.deploy.canary;

import io.clusterdeploy.engine.deploy.DeployRequest;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.OperationContext;
import io.clusterdeploy.engine.operation.OperationStep;
import io.clusterdeploy.engine.provider.CloudProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Takes baseline and canary out of traffic and destroys them: after a pass (before production is deployed), and as
 * the rollback of a failed or cancelled canary. Only groups this operation created; production is never touched.
 */
public final class DestroyCanaryGroupsStep implements OperationStep {
    private final DeployRequest request;

    public DestroyCanaryGroupsStep(DeployRequest request) {
        this.request = request;
    }

    @Override
    public String run(OperationContext ctx) {
        CloudProvider provider = ctx.provider();
        CanaryRecord record = CanaryRecord.of(ctx);
        List<String> destroyed = new ArrayList<>();
        for (CanarySide side : CanarySide.values()) {
            String name = record.string(side.recordKey());
            if (name == null) {
                continue;
            }
            Optional<ServerGroup> group = provider.serverGroup(request.location(), name);
            if (group.isEmpty() || !ctx.operationId().equals(group.get().tags().get(ServerGroup.TAG_OPERATION))) {
                continue;
            }
            // Out of traffic first, so that requests in flight finish on it rather than fail.
            provider.disable(request.location(), name, 100);
            provider.destroy(request.location(), name);
            destroyed.add(name);
        }
        if (!destroyed.isEmpty()) {
            List<Object> all = record.list(CanaryRecord.DESTROYED);
            destroyed.stream().filter(n -> !all.contains(n)).forEach(all::add);
            record.put(CanaryRecord.DESTROYED, all);
        }
        return destroyed.isEmpty() ? "no baseline or canary left to destroy" : "destroyed " + String.join(", ", destroyed);
    }
}
