package io.clusterdeploy.engine.testing;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Fields;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * An in-memory cloud for engine tests: exact and instant, so strategy logic can be tested
 * without processes. Deploy spec: {@code version} (string, required), {@code healthy}
 * (default true; false = instances never come up). Records every mutation for assertions.
 */
public final class FakeCloudProvider implements CloudProvider {
    private final Account account;
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Map<String, LoadBalancer> loadBalancers = new LinkedHashMap<>();
    private final List<String> mutations = new ArrayList<>();
    private long clock = 1_000;
    private Pause pause;
    private final List<String> lifecycle = new ArrayList<>();

    private static final class Group {
        String name;
        Capacity capacity;
        boolean disabled;
        boolean healthy;
        HealthState reported; // a health state set by the test; not part of the snapshot
        String version;
        Instant created;
        List<String> loadBalancers;
        Map<String, String> tags;

        /** When set, only the first this many instances are healthy. */
        Integer healthyInstances;
    }

    public FakeCloudProvider(String accountName) {
        this.account = new Account(accountName, "fake", List.of("fake-1"));
    }

    /** The whole cloud as plain data, so that a test can store it beside an operation's state file. */
    public synchronized Map<String, Object> snapshot() {
        List<Object> list = new ArrayList<>();
        for (Group g : groups.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", g.name);
            m.put("capacity", List.of(g.capacity.min(), g.capacity.desired(), g.capacity.max()));
            m.put("disabled", g.disabled);
            m.put("healthy", g.healthy);
            m.put("version", g.version);
            m.put("created", g.created.getEpochSecond());
            m.put("loadBalancers", g.loadBalancers);
            m.put("tags", g.tags);
            list.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("clock", clock);
        out.put("groups", list);
        return out;
    }

    /** Puts back what {@link #snapshot()} took (into an empty cloud). */
    @SuppressWarnings("unchecked")
    public synchronized void restore(Map<String, Object> snapshot) {
        groups.clear();
        clock = ((Number) snapshot.get("clock")).longValue();
        for (Object o : (List<Object>) snapshot.get("groups")) {
            Map<String, Object> m = (Map<String, Object>) o;
            List<Number> c = (List<Number>) m.get("capacity");
            Group g = new Group();
            g.name = (String) m.get("name");
            g.capacity = new Capacity(c.get(0).intValue(), c.get(1).intValue(), c.get(2).intValue());
            g.disabled = (Boolean) m.get("disabled");
            g.healthy = (Boolean) m.get("healthy");
            g.version = (String) m.get("version");
            g.created = Instant.ofEpochSecond(((Number) m.get("created")).longValue());
            g.loadBalancers = List.copyOf((List<String>) m.get("loadBalancers"));
            g.tags = Map.copyOf((Map<String, String>) m.get("tags"));
            groups.put(g.name, g);
        }
    }

    public synchronized List<String> mutations() {
        return List.copyOf(mutations);
    }

    /** Makes an existing group's instances healthy or not (a group failing after deploy); subscribers hear of it. */
    public void setHealthy(String name, boolean healthy) {
        synchronized (this) {
            groups.get(name).healthy = healthy;
        }
        listeners.forEach(Runnable::run);
    }

    /**
     * Reports every instance of the group in {@code state} (null: as healthy and enabled say again), as a provider
     * does for instances it adopted after a restart (STARTING until probed); subscribers hear of it.
     */
    public void setHealth(String name, HealthState state) {
        synchronized (this) {
            groups.get(name).reported = state;
        }
        listeners.forEach(Runnable::run);
    }

    private final List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    private volatile boolean reuseIdentical;

    /** From now on the newest group is reusable when it runs the same version at the same size (as Kubernetes). */
    public void reuseIdentical() {
        reuseIdentical = true;
    }

    @Override
    public synchronized Optional<String> reusable(CreateServerGroupRequest request, List<ServerGroup> newestFirst) {
        if (!reuseIdentical || newestFirst.isEmpty()) {
            return Optional.empty();
        }
        Group newest = groups.get(newestFirst.get(0).name());
        return newest != null && newest.version.equals(String.valueOf(request.spec().get("version")))
                && newest.capacity.equals(request.capacity()) ? Optional.of(newest.name) : Optional.empty();
    }

    /** How many subscriptions are open. */
    public int subscribers() {
        return listeners.size();
    }

    @Override
    public AutoCloseable subscribe(Runnable onChange) {
        listeners.add(onChange);
        return () -> listeners.remove(onChange);
    }

    @Override
    public Account account() {
        return account;
    }

    @Override
    public synchronized List<String> applications() {
        return groups.keySet().stream().map(io.clusterdeploy.engine.naming.ServerGroupName::applicationOf).distinct().sorted().toList();
    }

    @Override
    public synchronized List<ServerGroup> serverGroups(String application) {
        return groups.values().stream()
                .filter(g -> application.equals(io.clusterdeploy.engine.naming.ServerGroupName.applicationOf(g.name)))
                .map(this::view).toList();
    }

    @Override
    public synchronized Optional<ServerGroup> serverGroup(String location, String name) {
        return Optional.ofNullable(groups.get(name)).map(this::view);
    }

    private ServerGroup view(Group g) {
        HealthState h = g.reported != null ? g.reported
                : !g.healthy ? HealthState.DOWN : g.disabled ? HealthState.OUT_OF_SERVICE : HealthState.UP;
        List<Instance> instances = IntStream.range(0, g.capacity.desired())
                .mapToObj(i -> new Instance(g.name + "-i" + i,
                        g.healthyInstances != null && i >= g.healthyInstances ? HealthState.DOWN : h, null, g.created))
                .toList();
        return new ServerGroup(g.name, ServerGroupName.parse(g.name).moniker(), account.name(), "fake-1",
                g.capacity, instances, g.disabled, g.created, g.version, g.loadBalancers, List.of(), g.tags);
    }

    @Override
    public List<LoadBalancer> loadBalancers(String application) {
        return List.copyOf(loadBalancers.values());
    }

    @Override
    public List<SecurityGroup> securityGroups(String application) {
        return List.of();
    }

    @Override
    public void validate(CreateServerGroupRequest request) {
        Fields spec = new Fields("spec", request.spec());
        spec.requiredString("version");
        spec.optionalBoolean("healthy", true);
        spec.rejectUnknown();
        if (!request.location().equals("fake-1")) {
            throw ClusterDeployException.invalid("location", "no location " + request.location());
        }
    }

    @Override
    public ServerGroup createServerGroup(CreateServerGroupRequest request) {
        validate(request);
        ServerGroup created;
        Pause p;
        synchronized (this) {
            if (groups.containsKey(request.name())) {
                throw ClusterDeployException.conflict("name", request.name() + " exists");
            }
            Group g = new Group();
            g.name = request.name();
            g.capacity = request.capacity();
            g.healthy = !Boolean.FALSE.equals(request.spec().get("healthy"));
            g.version = String.valueOf(request.spec().get("version"));
            g.created = Instant.ofEpochSecond(clock++);
            g.loadBalancers = request.loadBalancers();
            g.tags = request.tags();
            groups.put(g.name, g);
            p = record("create " + g.name);
            created = view(g);
        }
        waitAt(p);
        return created;
    }

    private Group require(String name) {
        Group g = groups.get(name);
        if (g == null) {
            throw ClusterDeployException.notFound("serverGroupName", name + " not found");
        }
        return g;
    }

    @Override
    public ServerGroup resize(String location, String name, Capacity capacity) {
        ServerGroup after;
        Pause p;
        synchronized (this) {
            Group g = require(name);
            g.capacity = capacity;
            p = record("resize " + name + " " + capacity.desired());
            after = view(g);
        }
        waitAt(p);
        return after;
    }

    @Override
    public ServerGroup enable(String location, String name) {
        ServerGroup after;
        Pause p;
        synchronized (this) {
            Group g = require(name);
            g.disabled = false;
            p = record("enable " + name);
            after = view(g);
        }
        waitAt(p);
        return after;
    }

    @Override
    public ServerGroup disable(String location, String name, int percentage) {
        ServerGroup after;
        Pause p;
        synchronized (this) {
            Group g = require(name);
            g.disabled = percentage == 100 || g.disabled;
            p = record("disable " + name + (percentage == 100 ? "" : " " + percentage + "%"));
            after = view(g);
        }
        waitAt(p);
        return after;
    }

    @Override
    public void destroy(String location, String name) {
        Pause p = null;
        synchronized (this) {
            if (groups.remove(name) != null) {
                weights.values().forEach(w -> w.remove(name));
                p = record("destroy " + name);
            }
        }
        waitAt(p);
    }

    /** What a copy of the group would be deployed with: its version and health as given. */
    @Override
    public synchronized Optional<Map<String, Object>> deploySpec(String location, String name) {
        Group g = groups.get(name);
        if (g == null) {
            return Optional.empty();
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("version", g.version);
        if (!g.healthy) {
            spec.put("healthy", false);
        }
        return Optional.of(spec);
    }

    @Override
    public io.clusterdeploy.engine.provider.TrafficSplit trafficSplit() {
        return io.clusterdeploy.engine.provider.TrafficSplit.WEIGHTS;
    }

    /** Traffic weights by load balancer, then group; a destroyed group's weights go with it. */
    private final Map<String, Map<String, Integer>> weights = new LinkedHashMap<>();

    @Override
    public void weighTraffic(String location, List<String> lbs, Map<String, Integer> percentByServerGroup) {
        Pause p;
        synchronized (this) {
            for (String lb : lbs) {
                Map<String, Integer> w = new java.util.TreeMap<>(weights.getOrDefault(lb, Map.of()));
                w.putAll(percentByServerGroup);
                weights.put(lb, w);
            }
            // One record per group, as a plan lists them.
            p = null;
            for (Map.Entry<String, Integer> e : percentByServerGroup.entrySet()) {
                Pause q = record("weigh " + e.getKey() + " " + e.getValue());
                p = p == null ? q : p;
            }
        }
        waitAt(p);
    }

    /** The weights set on a load balancer, by group. */
    public synchronized Map<String, Integer> weights(String loadBalancer) {
        return Map.copyOf(weights.getOrDefault(loadBalancer, Map.of()));
    }

    /** Requests answered, when a test sets them ({@link #setRequestsServed}); else unknown, as most clouds. */
    private final Map<String, Long> served = new LinkedHashMap<>();

    public synchronized void setRequestsServed(String name, long requests) {
        served.put(name, requests);
    }

    @Override
    public synchronized java.util.OptionalLong requestsServed(String location, String name, Instant from, Instant to) {
        Long n = served.get(name);
        return n == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(n);
    }

    /**
     * A point where the thread that made one mutation waits, once the mutation is made, until the test
     * releases it: a deterministic moment between two changes of one step (to cancel there, say).
     */
    public static final class Pause {
        private final String mutation;
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        private Pause(String mutation) {
            this.mutation = mutation;
        }

        /** Waits until the mutation was made; false if it was not within {@code seconds}. */
        public boolean awaitReached(long seconds) throws InterruptedException {
            return reached.await(seconds, TimeUnit.SECONDS);
        }

        /** Lets the paused thread go on. */
        public void release() {
            released.countDown();
        }
    }

    /**
     * Arms a pause after the next mutation recorded as exactly {@code mutation} (e.g. {@code "disable hello-v002"}).
     * The cloud is not locked while paused, so the test may read it. A pause never released ends after a minute.
     */
    public synchronized Pause pauseAfter(String mutation) {
        pause = new Pause(mutation);
        return pause;
    }

    /** Records a mutation; returns the pause to wait at, if it is the armed one. Called holding the lock. */
    private Pause record(String mutation) {
        mutations.add(mutation);
        if (pause != null && pause.mutation.equals(mutation)) {
            Pause p = pause;
            pause = null;
            return p;
        }
        return null;
    }

    /** Waits at {@code p} (outside the lock). */
    private static void waitAt(Pause p) {
        if (p == null) {
            return;
        }
        p.reached.countDown();
        try {
            p.released.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Lays out a group as if it had been there before the test, newer than every group already here; records
     * no mutation, so that {@link #mutations()} holds only what the code under test asked for.
     */
    public synchronized ServerGroup seed(String name, Capacity capacity, boolean enabled, String version) {
        Group g = new Group();
        g.name = name;
        g.capacity = capacity;
        g.disabled = !enabled;
        g.healthy = true;
        g.version = version;
        g.created = Instant.ofEpochSecond(clock++);
        g.loadBalancers = List.of();
        g.tags = Map.of();
        groups.put(name, g);
        return view(g);
    }

    /** Makes only the first {@code n} instances of an existing group healthy, the others DOWN (for good). */
    public synchronized void setHealthyInstances(String name, int n) {
        groups.get(name).healthy = true;
        groups.get(name).healthyInstances = n;
    }

    /** The calls of {@link #close()} and {@link #release()}, in order. */
    public synchronized List<String> lifecycle() {
        return List.copyOf(lifecycle);
    }

    /** Load balancer spec: {@code port} (optional, 1-65535). */
    @Override
    public void validate(UpsertLoadBalancerRequest request) {
        Fields spec = new Fields("spec", request.spec());
        spec.optionalInt("port", 80, 1, 65_535);
        spec.rejectUnknown();
    }

    @Override
    public synchronized LoadBalancer upsertLoadBalancer(UpsertLoadBalancerRequest request) {
        validate(request);
        LoadBalancer lb = new LoadBalancer(request.name(), account.name(), request.location(), "fake:80",
                List.of(), Map.of());
        loadBalancers.put(request.name(), lb);
        mutations.add("upsertLoadBalancer " + request.name());
        return lb;
    }

    @Override
    public synchronized void close() {
        lifecycle.add("close");
    }

    @Override
    public synchronized void release() {
        lifecycle.add("release");
    }

    private final Map<String, StringBuilder> printed = new LinkedHashMap<>();
    private boolean keepsLogs;

    /** Makes this cloud keep its instances' logs (by default it keeps none, as a cloud without the feature). */
    public synchronized void keepLogs() {
        keepsLogs = true;
    }

    /** Adds a line to what an instance printed, for {@link #instanceLog}. */
    public synchronized void print(String instanceId, String line) {
        printed.computeIfAbsent(instanceId, k -> new StringBuilder()).append(line).append('\n');
    }

    @Override
    public synchronized io.clusterdeploy.engine.provider.InstanceDetails instanceDetails(String location,
            String serverGroup, String instanceId) {
        Group g = groups.get(serverGroup);
        return g == null ? io.clusterdeploy.engine.provider.InstanceDetails.NONE
                : new io.clusterdeploy.engine.provider.InstanceDetails(List.of(
                        new io.clusterdeploy.engine.provider.InstanceDetails.HealthCheck("fake", "the test's word",
                                g.healthy ? HealthState.UP : HealthState.DOWN, g.healthy ? "healthy" : "unhealthy",
                                Instant.ofEpochSecond(clock))), Map.of("version", g.version));
    }

    @Override
    public synchronized Optional<io.clusterdeploy.engine.provider.InstanceLog> instanceLog(String location,
            String serverGroup, String instanceId, int maxLines) {
        if (!keepsLogs) {
            return Optional.empty();
        }
        boolean present = serverGroup(location, serverGroup).map(sg -> sg.instances().stream()
                .anyMatch(i -> i.id().equals(instanceId))).orElse(false);
        if (!present) {
            throw ClusterDeployException.notFound("id", "no instance " + instanceId);
        }
        String all = printed.getOrDefault(instanceId, new StringBuilder()).toString();
        List<String> lines = all.isEmpty() ? List.of() : List.of(all.split("(?<=\n)"));
        List<String> tail = lines.subList(Math.max(0, lines.size() - maxLines), lines.size());
        return Optional.of(new io.clusterdeploy.engine.provider.InstanceLog(String.join("", tail), tail.size(),
                tail.size() < lines.size(), all.length()));
    }
}
