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
    private final java.util.function.Consumer<CloudProvider> extraPreflight;

    /** {@code extraPreflight} runs after the group is known to exist (may be null). */
    ServerGroupOperation(String type, ServerGroupRef ref, java.util.function.Consumer<CloudProvider> extraPreflight,
                         List<Step> steps) {
        this.type = type;
        this.ref = ref;
        this.extraPreflight = extraPreflight;
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
    public String location() {
        return ref.location();
    }

    @Override
    public String cluster() {
        return io.clusterdeploy.engine.naming.ServerGroupName.parse(ref.name()).clusterName();
    }

    @Override
    public void preflight(CloudProvider provider) {
        ClusterGroups.require(provider, ref.location(), ref.name(), "serverGroupName");
        if (extraPreflight != null) {
            extraPreflight.accept(provider);
        }
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
