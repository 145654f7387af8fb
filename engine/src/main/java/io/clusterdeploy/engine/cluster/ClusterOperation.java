package io.clusterdeploy.engine.cluster;

import io.clusterdeploy.engine.operation.Operation;
import io.clusterdeploy.engine.operation.Step;
import io.clusterdeploy.engine.provider.CloudProvider;
import java.util.List;
import java.util.function.Consumer;

/** A cluster-wide operation: a plan of steps plus a preflight check against the cloud. */
final class ClusterOperation implements Operation {
    private final String type;
    private final ClusterRef ref;
    private final Consumer<CloudProvider> preflight;
    private final List<Step> steps;
    private final List<Step> rollbackSteps;

    ClusterOperation(String type, ClusterRef ref, Consumer<CloudProvider> preflight, List<Step> steps,
                     List<Step> rollbackSteps) {
        this.type = type;
        this.ref = ref;
        this.preflight = preflight;
        this.steps = List.copyOf(steps);
        this.rollbackSteps = List.copyOf(rollbackSteps);
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
        return ref.cluster();
    }

    @Override
    public void preflight(CloudProvider provider) {
        preflight.accept(provider);
    }

    @Override
    public List<Step> steps() {
        return steps;
    }

    @Override
    public List<Step> rollbackSteps() {
        return rollbackSteps;
    }
}
