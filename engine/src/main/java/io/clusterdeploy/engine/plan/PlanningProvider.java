package io.clusterdeploy.engine.plan;

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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A what-if copy of one account's cloud: reads come from the real provider the first time an application is
 * looked at, and every change is applied to the copy and reported, never sent. What it assumes of the future
 * is what a plan assumes: new instances pass their health checks, disabled ones leave traffic at once.
 * Validation goes to the real provider, which changes nothing.
 */
final class PlanningProvider implements CloudProvider {
    private final CloudProvider real;
    private final Consumer<PlannedAction> actions;
    private final Map<String, ServerGroup> groups = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> plannedSpecs = new LinkedHashMap<>();
    private final Set<String> loadedApplications = new HashSet<>();
    private final TreeSet<String> seen = new TreeSet<>();
    private Instant newest = Instant.EPOCH;

    PlanningProvider(CloudProvider real, Consumer<PlannedAction> actions) {
        this.real = real;
        this.actions = actions;
    }

    private static String key(String location, String name) {
        return location + "/" + name;
    }

    private void load(String application) {
        if (application == null || !loadedApplications.add(application)) {
            return;
        }
        for (ServerGroup sg : real.serverGroups(application)) {
            groups.putIfAbsent(key(sg.location(), sg.name()), sg);
            seen.add(sg.location() + "/" + sg.name() + " " + (sg.enabled() ? "enabled" : "disabled") + " "
                    + sg.capacity().min() + "/" + sg.capacity().desired() + "/" + sg.capacity().max() + " "
                    + sg.upCount() + "/" + sg.instances().size());
            if (sg.createdTime() != null && sg.createdTime().isAfter(newest)) {
                newest = sg.createdTime();
            }
        }
    }

    /** A digest of every real server group the plan read: the same state gives the same digest. */
    String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String line : seen) {
                sha.update(line.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Account account() {
        return real.account();
    }

    @Override
    public List<String> applications() {
        return real.applications();
    }

    @Override
    public List<ServerGroup> serverGroups(String application) {
        load(application);
        return groups.values().stream()
                .filter(sg -> application.equals(ServerGroupName.applicationOf(sg.name())))
                .sorted(ServerGroup.NEWEST_FIRST).toList();
    }

    @Override
    public Optional<ServerGroup> serverGroup(String location, String name) {
        load(ServerGroupName.applicationOf(name));
        return Optional.ofNullable(groups.get(key(location, name)));
    }

    @Override
    public List<LoadBalancer> loadBalancers(String application) {
        return real.loadBalancers(application);
    }

    @Override
    public List<SecurityGroup> securityGroups(String application) {
        return real.securityGroups(application);
    }

    @Override
    public void validate(UpsertLoadBalancerRequest request) {
        real.validate(request);
    }

    @Override
    public java.util.Optional<String> reusable(CreateServerGroupRequest request, List<ServerGroup> newestFirst) {
        return real.reusable(request, newestFirst);
    }

    @Override
    public void validate(CreateServerGroupRequest request) {
        real.validate(request);
    }

    private ServerGroup existing(String location, String name) {
        return serverGroup(location, name).orElseThrow(() -> ClusterDeployException.notFound("serverGroupName",
                "server group '" + name + "' not found in account '" + account().name() + "', location '"
                        + location + "'"));
    }

    private static List<Instance> healthy(String name, int count, List<Instance> keep) {
        List<Instance> out = new ArrayList<>(keep.subList(0, Math.min(count, keep.size())));
        for (int i = out.size(); i < count; i++) {
            out.add(new Instance(name + "-planned-" + (i + 1), HealthState.UP, null, null));
        }
        return out;
    }

    private ServerGroup with(ServerGroup sg, Capacity capacity, List<Instance> instances, boolean disabled) {
        ServerGroup changed = new ServerGroup(sg.name(), sg.moniker(), sg.account(), sg.location(), capacity,
                instances, disabled, sg.createdTime(), sg.artifact(), sg.loadBalancers(), sg.securityGroups(),
                sg.tags());
        groups.put(key(sg.location(), sg.name()), changed);
        return changed;
    }

    @Override
    public ServerGroup createServerGroup(CreateServerGroupRequest request) {
        real.validate(request);
        if (serverGroup(request.location(), request.name()).isPresent()) {
            throw ClusterDeployException.conflict("name", "server group '" + request.name() + "' already exists");
        }
        // Newer than anything read, so that "newest" decisions see it as the cloud would.
        newest = newest.plusSeconds(1);
        ServerGroup sg = new ServerGroup(request.name(), ServerGroupName.parse(request.name()).moniker(),
                account().name(), request.location(), request.capacity(),
                healthy(request.name(), request.capacity().desired(), List.of()), false, newest, null,
                request.loadBalancers(), request.securityGroups(), request.tags());
        groups.put(key(request.location(), request.name()), sg);
        plannedSpecs.put(key(request.location(), request.name()), request.spec());
        actions.accept(new PlannedAction(PlannedAction.Kind.CREATE, request.name(), null, request.capacity(), null));
        return sg;
    }

    @Override
    public ServerGroup resize(String location, String name, Capacity capacity) {
        ServerGroup sg = existing(location, name);
        actions.accept(new PlannedAction(PlannedAction.Kind.RESIZE, name, sg.capacity(), capacity, null));
        List<Instance> instances = healthy(name, capacity.desired(), sg.instances()).stream()
                .map(i -> sg.disabled() && i.isUp() ? out(i) : i).toList();
        return with(sg, capacity, instances, sg.disabled());
    }

    @Override
    public ServerGroup enable(String location, String name) {
        ServerGroup sg = existing(location, name);
        actions.accept(new PlannedAction(PlannedAction.Kind.ENABLE, name, null, null, null));
        List<Instance> instances = sg.instances().stream()
                .map(i -> i.health() == HealthState.OUT_OF_SERVICE ? new Instance(i.id(), HealthState.UP, i.address(),
                        i.launched()) : i).toList();
        return with(sg, sg.capacity(), instances, false);
    }

    @Override
    public ServerGroup disable(String location, String name, int percentage) {
        ServerGroup sg = existing(location, name);
        actions.accept(new PlannedAction(PlannedAction.Kind.DISABLE, name, null, null, percentage));
        long[] left = {(long) Math.ceil(sg.instances().size() * percentage / 100.0)};
        List<Instance> instances = sg.instances().stream().map(i -> {
            if (i.isUp() && left[0] > 0) {
                left[0]--;
                return out(i);
            }
            return i;
        }).toList();
        return with(sg, sg.capacity(), instances, percentage == 100 || sg.disabled());
    }

    private static Instance out(Instance i) {
        return new Instance(i.id(), HealthState.OUT_OF_SERVICE, i.address(), i.launched());
    }

    @Override
    public void destroy(String location, String name) {
        if (serverGroup(location, name).isPresent()) {
            actions.accept(new PlannedAction(PlannedAction.Kind.DESTROY, name, null, null, null));
            groups.remove(key(location, name));
        }
    }

    @Override
    public LoadBalancer upsertLoadBalancer(UpsertLoadBalancerRequest request) {
        real.validate(request);
        actions.accept(new PlannedAction(PlannedAction.Kind.UPSERT_LOAD_BALANCER, request.name(), null, null, null));
        return real.loadBalancers(ServerGroupName.applicationOf(request.name())).stream()
                .filter(lb -> lb.name().equals(request.name()) && lb.location().equals(request.location()))
                .findFirst()
                .orElse(new LoadBalancer(request.name(), account().name(), request.location(), null, List.of(),
                        Map.of()));
    }

    @Override
    public Optional<Map<String, Object>> deploySpec(String location, String name) {
        Map<String, Object> planned = plannedSpecs.get(key(location, name));
        return planned != null ? Optional.of(planned) : real.deploySpec(location, name);
    }

    @Override
    public io.clusterdeploy.engine.provider.TrafficSplit trafficSplit() {
        return real.trafficSplit();
    }

    @Override
    public void weighTraffic(String location, List<String> loadBalancers, Map<String, Integer> percentByServerGroup) {
        if (real.trafficSplit() != io.clusterdeploy.engine.provider.TrafficSplit.WEIGHTS) {
            real.weighTraffic(location, loadBalancers, percentByServerGroup); // refuses, naming the field
        }
        percentByServerGroup.forEach((group, pct) ->
                actions.accept(new PlannedAction(PlannedAction.Kind.WEIGH_TRAFFIC, group, null, null, pct)));
    }

    @Override
    public void close() {
        // Nothing of its own; the real provider belongs to the engine.
    }
}
