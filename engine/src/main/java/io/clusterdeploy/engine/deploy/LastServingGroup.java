package io.clusterdeploy.engine.deploy;

import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.OperationContext;
import java.util.List;
import java.util.Optional;

/**
 * Rollback takes the new group out of traffic only when that leaves the cluster no worse than before the deploy.
 * Where groups served before it but none of them serves now (a highlander that failed after destroying the old
 * group, a restore that found its groups gone), the new group is the only one left: disabling or destroying it
 * would leave the cluster without traffic, so it stays enabled and the operation still fails.
 */
final class LastServingGroup {
    private LastServingGroup() {
    }

    /** Why {@code newName} must keep serving, or empty when rollback may take it out. */
    static Optional<String> keepServing(OperationContext ctx, String location, String newName) {
        List<String> wereEnabled = DeployContext.previous(ctx).stream().filter(DeployContext.Snapshot::enabled)
                .map(DeployContext.Snapshot::name).filter(n -> !n.equals(newName)).toList();
        if (wereEnabled.isEmpty()) {
            return Optional.empty(); // nothing served before the deploy: taking the new group out loses nothing
        }
        boolean oneServes = wereEnabled.stream().anyMatch(n -> ctx.provider().serverGroup(location, n)
                .map(ServerGroup::enabled).orElse(false));
        if (oneServes) {
            return Optional.empty();
        }
        return Optional.of("kept " + newName + " enabled: it is the only server group left to serve the cluster ("
                + String.join(", ", wereEnabled) + " served before the deploy and no longer exist or serve)");
    }
}
