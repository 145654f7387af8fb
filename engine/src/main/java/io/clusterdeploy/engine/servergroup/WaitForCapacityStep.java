package io.clusterdeploy.engine.servergroup;

import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.OperationContext;
import java.time.Duration;

/** After a resize: as many instances as desired, all up unless the group is disabled. */
final class WaitForCapacityStep extends WaitForServerGroupStep {
    private final String serverGroup;

    WaitForCapacityStep(ServerGroupRef ref, Duration timeout) {
        super(ref.location(), timeout);
        this.serverGroup = ref.serverGroup();
    }

    @Override
    protected String serverGroup(OperationContext ctx) {
        return serverGroup;
    }

    @Override
    protected boolean done(ServerGroup sg) {
        return sg.instances().size() == sg.capacity().desired()
                && (sg.disabled() || sg.upCount() == sg.capacity().desired());
    }

    @Override
    protected String describe(ServerGroup sg) {
        return sg.instances().size() + " instances, " + sg.upCount() + " up, " + sg.capacity().desired() + " wanted";
    }
}
