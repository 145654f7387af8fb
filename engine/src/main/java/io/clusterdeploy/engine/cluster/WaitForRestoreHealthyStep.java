package io.clusterdeploy.engine.cluster;

import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.OperationContext;
import io.clusterdeploy.engine.servergroup.WaitForServerGroupStep;
import java.time.Duration;

/**
 * rollbackCluster's health gate: the restored group must have {@code targetHealthyRollbackPercentage} of its
 * instances up (Spinnaker's 100/90/95 by size when not given) before the current one loses traffic.
 */
final class WaitForRestoreHealthyStep extends WaitForServerGroupStep {
    private final Integer percentage;

    WaitForRestoreHealthyStep(String location, Duration timeout, Integer percentage) {
        super(location, timeout);
        this.percentage = percentage;
    }

    private int percentageFor(ServerGroup sg) {
        return percentage != null ? percentage : RollbackCluster.defaultHealthyPercentage(sg.capacity().desired());
    }

    @Override
    protected String serverGroup(OperationContext ctx) {
        return ctx.getString(RollbackCluster.RESTORE);
    }

    @Override
    protected boolean done(ServerGroup sg) {
        return sg.enabled() && sg.upCount() >= sg.capacity().requiredUp(percentageFor(sg));
    }

    @Override
    protected String describe(ServerGroup sg) {
        return sg.upCount() + "/" + sg.capacity().desired() + " instances up, " + percentageFor(sg) + "% needed";
    }
}
