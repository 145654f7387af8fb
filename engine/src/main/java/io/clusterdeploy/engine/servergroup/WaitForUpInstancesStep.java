package io.clusterdeploy.engine.servergroup;

import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.OperationContext;
import java.time.Duration;

/** After enable: enabled, with every desired instance up. */
final class WaitForUpInstancesStep extends WaitForServerGroupStep {
    private final String serverGroup;

    WaitForUpInstancesStep(ServerGroupRef ref, Duration timeout) {
        super(ref.location(), timeout);
        this.serverGroup = ref.serverGroup();
    }

    @Override
    protected String serverGroup(OperationContext ctx) {
        return serverGroup;
    }

    @Override
    protected boolean done(ServerGroup sg) {
        return sg.enabled() && sg.upCount() >= sg.capacity().desired();
    }

    @Override
    protected String describe(ServerGroup sg) {
        return sg.upCount() + "/" + sg.capacity().desired() + " instances up";
    }
}
