package io.clusterdeploy.engine.testing;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.model.Account;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.HealthState;
import io.clusterdeploy.engine.model.Instance;
import io.clusterdeploy.engine.model.LoadBalancer;
import io.clusterdeploy.engine.model.SecurityGroup;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.naming.ServerGroupName;
import io.clusterdeploy.engine.provider.CloudProvider;
import io.clusterdeploy.engine.provider.CreateServerGroupRequest;
import io.clusterdeploy.engine.provider.UpsertLoadBalancerRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only account holding one big application, for benchmarks and the big-application tests only (test side): {@code serverGroups} server groups of
 * {@code instancesPerGroup} instances each, spread over clusters of {@code groupsPerCluster}, every tenth instance
 * in a health other than UP. Built once; reads cost what the engine's API costs, not what a cloud costs.
 */
public final class SyntheticProvider implements CloudProvider {
    static final String LOCATION = "synthetic-1";

    private final Account account;
    private final String application;
    private final List<ServerGroup> groups;

    public SyntheticProvider(String accountName, String application, int serverGroups, int instancesPerGroup,
                      int groupsPerCluster) {
        this.account = new Account(accountName, SyntheticProviderFactory.TYPE, List.of(LOCATION));
        this.application = application;
        List<ServerGroup> out = new ArrayList<>(serverGroups);
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        HealthState[] states = HealthState.values();
        for (int g = 0; g < serverGroups; g++) {
            int cluster = g / groupsPerCluster;
            int sequence = g % groupsPerCluster;
            ServerGroupName name = ServerGroupName.cluster(application, "stack" + cluster, null).withSequence(sequence);
            List<Instance> instances = new ArrayList<>(instancesPerGroup);
            for (int i = 0; i < instancesPerGroup; i++) {
                HealthState h = (g + i) % 10 == 0 ? states[(g + i) / 10 % states.length] : HealthState.UP;
                instances.add(new Instance(name.format() + "-i" + i, h, "10." + (g >> 8 & 255) + "." + (g & 255) + "." + i,
                        t0.plusSeconds(g)));
            }
            boolean newest = sequence == groupsPerCluster - 1;
            out.add(new ServerGroup(name.format(), name.moniker(), accountName, LOCATION,
                    Capacity.fixed(instancesPerGroup), instances, !newest, t0.plusSeconds(g),
                    "registry.example/" + application + ":" + sequence, List.of(name.clusterName()), List.of(),
                    Map.of("team", "bench")));
        }
        this.groups = List.copyOf(out);
    }

    @Override
    public Account account() {
        return account;
    }

    @Override
    public List<String> applications() {
        return List.of(application);
    }

    @Override
    public List<ServerGroup> serverGroups(String app) {
        return application.equals(app) ? groups : List.of();
    }

    @Override
    public Optional<ServerGroup> serverGroup(String location, String name) {
        return groups.stream().filter(g -> g.name().equals(name) && g.location().equals(location)).findFirst();
    }

    @Override
    public List<LoadBalancer> loadBalancers(String app) {
        return List.of();
    }

    @Override
    public List<SecurityGroup> securityGroups(String app) {
        return List.of();
    }

    private static ClusterDeployException readOnly() {
        return ClusterDeployException.invalid("account", "the synthetic account of the benchmarks is read-only");
    }

    @Override
    public void validate(CreateServerGroupRequest request) {
        throw readOnly();
    }

    @Override
    public ServerGroup createServerGroup(CreateServerGroupRequest request) {
        throw readOnly();
    }

    @Override
    public ServerGroup resize(String location, String name, Capacity capacity) {
        throw readOnly();
    }

    @Override
    public ServerGroup enable(String location, String name) {
        throw readOnly();
    }

    @Override
    public ServerGroup disable(String location, String name, int percentage) {
        throw readOnly();
    }

    @Override
    public void destroy(String location, String name) {
        throw readOnly();
    }

    @Override
    public void validate(UpsertLoadBalancerRequest request) {
        throw readOnly();
    }

    @Override
    public LoadBalancer upsertLoadBalancer(UpsertLoadBalancerRequest request) {
        throw readOnly();
    }

    @Override
    public void close() {
    }
}
