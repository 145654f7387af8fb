package io.clusterdeploy.engine.serverop;

import io.clusterdeploy.engine.operation.ClusterGroups;
import io.clusterdeploy.engine.operation.Operation;
import io.clusterdeploy.engine.operation.Step;
import io.clusterdeploy.engine.provider.CloudProvider;
import java.util.List;

/** An operation on one existing server group: resize, enable, disable, destroy. */
public final class ServerGroupOperation implements Operation {
    private final String type;
    private final ServerGroupRef ref;
    private final List<Step> steps;

    ServerGroupOperation(String type, ServerGroupRef ref, List<Step> steps) {
        this.type = type;
        this.ref = ref;
        this.steps = List.copyOf(steps);
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public String account() {
        return ref.account();
    }

    @Override
    public String target() {
        return ref.name();
    }

    @Override
    public void preflight(CloudProvider provider) {
        ClusterGroups.require(provider, ref.location(), ref.name(), "serverGroupName");
    }

    @Override
    public List<Step> steps() {
        return steps;
    }

    @Override
    public List<Step> rollbackSteps() {
        return List.of();
    }
}
