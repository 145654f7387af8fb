package io.clusterdeploy.engine.operation;

import io.clusterdeploy.engine.provider.CloudProvider;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An operation given as data: where it acts, a preflight check, and its steps. Operations whose
 * logic is all in their steps (server group and cluster operations) need no class of their own.
 */
public final class PlannedOperation implements Operation {
    private final String type;
    private final String account;
    private final String location;
    private final String cluster;
    private final Consumer<CloudProvider> preflight;
    private final List<Step> steps;
    private final List<Step> rollbackSteps;

    public PlannedOperation(String type, String account, String location, String cluster,
                            Consumer<CloudProvider> preflight, List<Step> steps, List<Step> rollbackSteps) {
        this.type = Objects.requireNonNull(type, "type");
        this.account = Objects.requireNonNull(account, "account");
        this.location = Objects.requireNonNull(location, "location");
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.preflight = Objects.requireNonNull(preflight, "preflight");
        this.steps = List.copyOf(steps);
        this.rollbackSteps = List.copyOf(rollbackSteps);
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public String account() {
        return account;
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public String cluster() {
        return cluster;
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
