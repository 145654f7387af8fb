package io.clusterdeploy.provider.local;

import io.clusterdeploy.engine.canary.source.MetricScope;
import io.clusterdeploy.engine.canary.source.MetricSource;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.model.Account;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.LoadBalancer;
import io.clusterdeploy.engine.model.SecurityGroup;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.naming.ServerGroupName;
import io.clusterdeploy.engine.provider.CloudProvider;
import io.clusterdeploy.engine.provider.CreateServerGroupRequest;
import io.clusterdeploy.engine.provider.InstanceDetails;
import io.clusterdeploy.engine.provider.InstanceLog;
import io.clusterdeploy.engine.provider.UpsertLoadBalancerRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local cloud: a server group is a set of processes on this machine, a load balancer an
 * embedded reverse proxy on a loopback port ({@link LocalLoadBalancer}). Meant for demos, tests and trying
 * strategies out without a cloud. Beyond the SPI, a load balancer can split its traffic between server
 * groups by exact weights ({@link #setTrafficWeights}), and every group's traffic is counted per second
 * ({@link #trafficStatistics}), for canary deploys and their analysis.
 *
 * <p>Like a real cloud it outlives Cluster Deploy's server: every group and load balancer is recorded
 * in the account's state directory ({@link StateStore}). A provider created on a directory with
 * records brings the load balancers back on their ports, adopts the instance processes still running
 * ({@link ProcessIdentity}) and replaces the others. {@link #close()} stops every process but keeps
 * the records, so the next provider starts the groups' instances anew; a crash leaves the processes
 * running for the next provider to adopt.
 */
public final class LocalProvider implements CloudProvider {
    /** The one location of a local account. */
    public static final String LOCATION = "local";

    private static final Logger LOG = LoggerFactory.getLogger(LocalProvider.class);
    private static final Duration HEALTH_CHECK_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration MAX_RESTART_BACKOFF = Duration.ofSeconds(30);

    private final Account account;
    private final LocalSettings settings;
    private final ConcurrentMap<String, LocalServerGroup> groups = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LocalLoadBalancer> loadBalancers = new ConcurrentHashMap<>();
    private final Object loadBalancerChanges = new Object();
    // One router per load balancer name, kept across a move to another port.
    private final ConcurrentMap<String, Router> routers = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Map<String, Integer>> weights = new ConcurrentHashMap<>();
    private final Object routingChanges = new Object();
    private final ExecutableLocator executables = new ExecutableLocator(System.getenv("PATH"));
    private final String stateDirField;
    private final StateDirLock stateLock;
    private final StateStore store;
    /** Probed at the first launch (it starts processes), not at start-up. */
    private final Once<PidNamespace> namespace;
    private final InstanceLauncher launcher;
    private final ProcessStopper stopper = new ProcessStopper();
    private final CreationClock clock = new CreationClock(Clock.systemUTC());
    private final HealthChecker healthChecker;
    private final ProbeSchedule probes;
    private final LocalMetricSource metricSource = new LocalMetricSource(this::recordersOf, Clock.systemUTC());
    private final PrometheusTargets prometheusTargets;
    private final ScheduledExecutorService scheduler;
    // Mutations share the read side; close takes the write side, so it never races a process start.
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed; // guarded by lifecycle

    /**
     * Starts the provider, taking over what the records in {@code settings.stateDir()} describe.
     *
     * @throws ClusterDeployException on {@code accounts[NAME].stateDir}: INVALID_INPUT naming the file when a
     *                                record is damaged (then nothing was started), CONFLICT when another provider
     *                                uses the directory, UNAVAILABLE when a recorded load balancer's port is taken
     */
    public LocalProvider(Account account, LocalSettings settings) {
        this.account = account;
        this.settings = settings;
        this.stateDirField = "accounts[" + account.name() + "].stateDir";
        this.namespace = new Once<>(PidNamespace::detect);
        this.launcher = new InstanceLauncher(settings.stateDir(), new PortAllocator(), namespace);
        this.stateLock = StateDirLock.acquire(settings.stateDir(), stateDirField);
        try {
            this.store = new StateStore(settings.stateDir(), stateDirField);
            // Every record is read and checked before anything starts, so a damaged one changes nothing.
            List<LoadBalancerRecord> recordedLoadBalancers = store.loadBalancers();
            List<ServerGroupRecord> recordedGroups = store.serverGroups();
            recordedLoadBalancers.forEach(this::restartLoadBalancer);
            recordedGroups.forEach(this::restoreGroup);
        } catch (RuntimeException e) {
            loadBalancers.values().forEach(LocalLoadBalancer::stop);
            stateLock.close();
            throw e;
        }
        this.healthChecker = new HealthChecker(account.name(), HEALTH_CHECK_TIMEOUT);
        this.probes = new ProbeSchedule(settings.healthCheckInterval());
        this.prometheusTargets = new PrometheusTargets(settings.prometheusTargetsFile(), settings.stateDir());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "local-provider-" + account.name());
            t.setDaemon(true);
            return t;
        });
        long interval = settings.healthCheckInterval().toMillis();
        // Checks are due per instance (ProbeSchedule); the tick finds the due ones, the convergence runs at the interval.
        scheduler.scheduleWithFixedDelay(this::checkDue, 0, ProbeSchedule.STARTING_PROBE.toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::converge, 0, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public Account account() {
        return account;
    }

    /** True when every instance runs in a PID namespace of its own, so nothing it starts can outlive it. */
    public boolean isolatesInstances() {
        return namespace.get().active();
    }

    // ---- reads ----------------------------------------------------------------------------

    @Override
    public List<String> applications() {
        TreeSet<String> apps = new TreeSet<>();
        groups.values().forEach(g -> apps.add(g.moniker().app()));
        loadBalancers.keySet().forEach(name -> apps.add(ServerGroupName.applicationOf(name)));
        return List.copyOf(apps);
    }

    @Override
    public List<ServerGroup> serverGroups(String application) {
        return groups.values().stream()
                .filter(g -> g.moniker().app().equals(application))
                .map(g -> g.snapshot(account.name()))
                .sorted(ServerGroup.NEWEST_FIRST)
                .toList();
    }

    @Override
    public Optional<ServerGroup> serverGroup(String location, String name) {
        if (!LOCATION.equals(location) || name == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(groups.get(name)).map(g -> g.snapshot(account.name()));
    }

    @Override
    public InstanceDetails instanceDetails(String location, String serverGroup, String instanceId) {
        LocalServerGroup group = LOCATION.equals(location) && serverGroup != null ? groups.get(serverGroup) : null;
        return group == null ? InstanceDetails.NONE : group.instances().stream()
                .filter(i -> i.id().equals(instanceId)).findFirst()
                .map(i -> i.details(group.spec().healthCheckPath())).orElse(InstanceDetails.NONE);
    }

    /**
     * The end of what the instance printed, from its own log file under the state directory; the file is the one
     * the instance was started with, never a path made from the request.
     */
    @Override
    public Optional<InstanceLog> instanceLog(String location, String serverGroup, String instanceId, int maxLines) {
        if (maxLines < 1 || maxLines > InstanceLog.MAX_LINES) {
            throw ClusterDeployException.invalid("lines", "lines must be from 1 to " + InstanceLog.MAX_LINES);
        }
        LocalServerGroup group = LOCATION.equals(location) && serverGroup != null ? groups.get(serverGroup) : null;
        InstanceProcess instance = group == null ? null : group.instances().stream()
                .filter(i -> i.id().equals(instanceId)).findFirst().orElse(null);
        if (instance == null) {
            throw ClusterDeployException.notFound("id", "instance '" + instanceId + "' is not in server group '"
                    + serverGroup + "' of account '" + account.name() + "'");
        }
        try {
            return Optional.of(LOG_TAIL.read(instance.logFile(), maxLines));
        } catch (java.io.IOException e) {
            // The exception's message names the state directory: the log says it, the answer does not.
            LOG.warn("cannot read the log of instance {}: {}", instanceId, e.toString());
            throw new ClusterDeployException(ErrorKind.UNAVAILABLE, "id", "cannot read the log of instance '"
                    + instanceId + "' (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static final LogTail LOG_TAIL = new LogTail(InstanceLog.MAX_BYTES);

    @Override
    public List<LoadBalancer> loadBalancers(String application) {
        return loadBalancers.values().stream()
                .filter(lb -> application == null || application.equals(ServerGroupName.applicationOf(lb.name())))
                .sorted(Comparator.comparing(LocalLoadBalancer::name))
                .map(this::model)
                .toList();
    }

    /** Always empty: local processes have no firewall; every instance listens on the loopback interface only. */
    @Override
    public List<SecurityGroup> securityGroups(String application) {
        return List.of();
    }

    // ---- mutations -----------------------------------------------------------------------

    @Override
    public void validate(CreateServerGroupRequest request) {
        ServerGroupName.parse(request.name());
        requireLocalLocation(request.location());
        DeploySpec spec = DeploySpec.parse(request.spec());
        executables.locate("spec.command", spec.command().executable());
        for (String lb : request.loadBalancers()) {
            if (!loadBalancers.containsKey(lb)) {
                throw ClusterDeployException.invalid("loadBalancers", "unknown load balancer '" + lb
                        + "' in account '" + account.name() + "'; known: " + new TreeSet<>(loadBalancers.keySet()));
            }
        }
        if (!request.securityGroups().isEmpty()) {
            throw ClusterDeployException.invalid("securityGroups",
                    "the local provider has no security groups; leave securityGroups empty");
        }
    }

    @Override
    public ServerGroup createServerGroup(CreateServerGroupRequest request) {
        return mutate(() -> {
            validate(request);
            LocalServerGroup group = newGroup(ServerGroupRecord.created(request.name(), request.capacity(),
                    DeploySpec.parse(request.spec()), request.loadBalancers(), request.tags(), clock.next()), List.of());
            if (groups.putIfAbsent(request.name(), group) != null) {
                throw ClusterDeployException.conflict("name",
                        "server group '" + request.name() + "' already exists in account '" + account.name() + "'");
            }
            try {
                group.start();
            } catch (RuntimeException e) {
                groups.remove(request.name(), group);
                throw e;
            }
            LOG.info("created server group {} in account {}", request.name(), account.name());
            return group.snapshot(account.name());
        });
    }

    @Override
    public ServerGroup resize(String location, String name, Capacity capacity) {
        if (capacity == null) {
            throw ClusterDeployException.invalid("capacity", "capacity is required");
        }
        return mutate(() -> {
            LocalServerGroup group = existing(location, name);
            group.resize(capacity);
            return group.snapshot(account.name());
        });
    }

    @Override
    public ServerGroup enable(String location, String name) {
        return mutate(() -> {
            LocalServerGroup group = existing(location, name);
            group.enable();
            return group.snapshot(account.name());
        });
    }

    @Override
    public ServerGroup disable(String location, String name, int percentage) {
        if (percentage < 1 || percentage > 100) {
            throw ClusterDeployException.invalid("percentage", "percentage must be between 1 and 100, was " + percentage);
        }
        return mutate(() -> {
            LocalServerGroup group = existing(location, name);
            group.disable(percentage);
            return group.snapshot(account.name());
        });
    }

    @Override
    public void destroy(String location, String name) {
        requireLocalLocation(location);
        mutate(() -> {
            LocalServerGroup group = name == null ? null : groups.get(name);
            // The group removes its record itself; only then is it gone for good.
            if (group != null && group.destroy()) {
                groups.remove(name, group);
                forgetWeightsOf(name);
                refreshRouting();
                LOG.info("destroyed server group {} in account {}", name, account.name());
            }
            return null;
        });
    }

    /** A cluster-style name (no version) in the local location, and a spec with only a valid {@code port}. */
    @Override
    public void validate(UpsertLoadBalancerRequest request) {
        ServerGroupName name;
        try {
            name = ServerGroupName.parse(request.name());
        } catch (ClusterDeployException e) {
            throw ClusterDeployException.invalid("name", "invalid load balancer name '" + request.name() + "': "
                    + e.getMessage());
        }
        if (name.sequence() != null) {
            throw ClusterDeployException.invalid("name", "invalid load balancer name '" + request.name()
                    + "': a load balancer name has no version suffix");
        }
        requireLocalLocation(request.location());
        LoadBalancerSpec.parse(request.spec());
    }

    @Override
    public LoadBalancer upsertLoadBalancer(UpsertLoadBalancerRequest request) {
        validate(request);
        LoadBalancerSpec spec = LoadBalancerSpec.parse(request.spec());
        return mutate(() -> {
            synchronized (loadBalancerChanges) {
                LocalLoadBalancer existing = loadBalancers.get(request.name());
                if (existing != null && existing.port() == spec.port()) {
                    return model(existing);
                }
                // A new port: listen there and record it first, so a failure leaves the old one serving.
                LocalLoadBalancer started = LocalLoadBalancer.start(request.name(), spec.port(), routerFor(request.name()));
                try {
                    store.save(new LoadBalancerRecord(request.name(), spec.port(),
                            weights.getOrDefault(request.name(), Map.of())));
                } catch (RuntimeException e) {
                    started.stop();
                    throw e;
                }
                loadBalancers.put(request.name(), started);
                if (existing != null) {
                    existing.stop();
                }
                return model(started);
            }
        });
    }

    /** What the group was deployed with, env values as given: a canary's baseline starts the same command. */
    @Override
    public Optional<Map<String, Object>> deploySpec(String location, String name) {
        LocalServerGroup group = LOCATION.equals(location) && name != null ? groups.get(name) : null;
        return group == null ? Optional.empty() : Optional.of(group.spec().toMap());
    }

    @Override
    public io.clusterdeploy.engine.provider.TrafficSplit trafficSplit() {
        return io.clusterdeploy.engine.provider.TrafficSplit.WEIGHTS;
    }

    /**
     * Sets the named groups' weights on each load balancer, keeping the weights of the groups not named
     * ({@link #setTrafficWeights} replaces them all). Checked for every load balancer before any changes.
     */
    @Override
    public void weighTraffic(String location, List<String> loadBalancerNames, Map<String, Integer> percentByServerGroup) {
        Map<String, Map<String, Integer>> merged = new LinkedHashMap<>();
        for (String lbName : loadBalancerNames) {
            if (!loadBalancers.containsKey(lbName)) {
                throw ClusterDeployException.notFound("loadBalancers", "load balancer '" + lbName
                        + "' not found in account '" + account.name() + "'");
            }
            Map<String, Integer> w = new LinkedHashMap<>(weights.getOrDefault(lbName, Map.of()));
            w.putAll(percentByServerGroup);
            merged.put(lbName, TrafficWeights.check(w));
        }
        merged.forEach(this::setTrafficWeights);
    }

    /**
     * Counted by the load balancers for every request; empty for a group this provider does not have. Only the
     * retained seconds count: a range longer than {@value TrafficRecorder#RETENTION_SECONDS} s gives its last part.
     */
    @Override
    public java.util.OptionalLong requestsServed(String location, String name, Instant from, Instant to) {
        LocalServerGroup group = name == null ? null : groups.get(name);
        if (group == null || !to.isAfter(from)) {
            return java.util.OptionalLong.empty();
        }
        Instant retained = to.minusSeconds(TrafficRecorder.RETENTION_SECONDS - 1);
        Instant start = from.isBefore(retained) ? retained : from;
        return java.util.OptionalLong.of(group.traffic().read(name, start, to, Instant.now()).requests());
    }

    /**
     * Splits a load balancer's requests between server groups by exact shares, for canary deploys: each named
     * group gets its percentage of the requests, and the groups behind the load balancer that are not named
     * share the rest (100 minus the sum) in turn, instance by instance. Routing is deterministic (smooth
     * weighted round-robin, see {@link RoutingSnapshot}): over any 100 consecutive requests while the same
     * groups are routable, each named group gets exactly its percentage. A named group with no routable
     * instance (not created yet, disabled, down) drops out and the others share its part in proportion; when
     * no group with a share has a routable instance, every routable instance is used rather than a request
     * refused. Named groups need not exist yet; a destroyed group's weight is removed. The weights are
     * recorded with the load balancer and survive a restart of the provider. An empty map removes them.
     *
     * @param loadBalancer         the load balancer's name
     * @param percentByServerGroup whole percentages (0 to 100, adding up to at most 100) by server group name
     * @return the load balancer, its {@code settings} carrying {@code trafficWeights} while any are set
     * @throws ClusterDeployException NOT_FOUND on {@code loadBalancer}; INVALID_INPUT on
     *                                {@code percentByServerGroup} or {@code percentByServerGroup[NAME]}; nothing changes then
     */
    public LoadBalancer setTrafficWeights(String loadBalancer, Map<String, Integer> percentByServerGroup) {
        Map<String, Integer> checked = TrafficWeights.check(percentByServerGroup);
        return mutate(() -> {
            synchronized (loadBalancerChanges) {
                LocalLoadBalancer lb = loadBalancer == null ? null : loadBalancers.get(loadBalancer);
                if (lb == null) {
                    throw ClusterDeployException.notFound("loadBalancer", "load balancer '" + loadBalancer
                            + "' not found in account '" + account.name() + "'");
                }
                store.save(new LoadBalancerRecord(lb.name(), lb.port(), checked));
                if (checked.isEmpty()) {
                    weights.remove(lb.name());
                } else {
                    weights.put(lb.name(), checked);
                }
                refreshRouting();
                LOG.info("load balancer {} in account {}: traffic weights {}", lb.name(), account.name(), checked);
                return model(lb);
            }
        });
    }

    /**
     * A server group's traffic through this account's load balancers, per second over {@code [from, to)}
     * (both rounded down to whole seconds): requests, 5xx answers, connection errors and a latency
     * histogram ({@link LatencyBuckets}). Counted for every request, always; the last
     * {@value TrafficRecorder#RETENTION_SECONDS} seconds are kept. Every second of the range has a point; a
     * second with no record of the group (before this provider created or took it over, older than the
     * retention, not over yet) says so and carries no numbers, and a recorded second without traffic is a
     * recorded 0.
     *
     * @throws ClusterDeployException NOT_FOUND on {@code serverGroup}; INVALID_INPUT on {@code from} or {@code to}
     *                                when missing, reversed, or more than a day apart
     */
    public TrafficStatistics trafficStatistics(String serverGroup, Instant from, Instant to) {
        LocalServerGroup group = serverGroup == null ? null : groups.get(serverGroup);
        if (group == null) {
            throw ClusterDeployException.notFound("serverGroup",
                    "server group '" + serverGroup + "' not found in account '" + account.name() + "'");
        }
        return group.traffic().read(serverGroup, from, to, Instant.now());
    }

    /**
     * The {@code local} metric source of this account, for canary analysis: its load balancers' per-second
     * statistics of a server group or a cluster ({@link LocalMetric} lists the queries; docs/canary.md,
     * "Metric sources: local"). Scopes name this account; a cluster scope adds up the cluster's server groups
     * that exist now. Safe to use from any thread while the provider is open.
     */
    public MetricSource metricSource() {
        return metricSource;
    }

    /** The statistics of a metric scope's groups; INVALID_INPUT or NOT_FOUND naming the scope's field. */
    private List<TrafficRecorder> recordersOf(MetricScope scope) {
        if (!account.name().equals(scope.account())) {
            throw ClusterDeployException.invalid("account", "the local metric source of account '" + account.name()
                    + "' cannot read account '" + scope.account() + "'");
        }
        if (scope.location() != null && !LOCATION.equals(scope.location())) {
            throw ClusterDeployException.invalid("location",
                    "the local provider has only the location '" + LOCATION + "', not '" + scope.location() + "'");
        }
        String name = scope.serverGroup();
        if (name != null && !name.isBlank()) {
            LocalServerGroup group = groups.get(name);
            if (group == null) {
                throw ClusterDeployException.notFound("serverGroup",
                        "server group '" + name + "' not found in account '" + account.name() + "'");
            }
            if (scope.cluster() != null && !scope.cluster().isBlank() && !scope.cluster().equals(group.moniker().cluster())) {
                throw ClusterDeployException.invalid("cluster", "server group '" + name + "' is not in cluster '"
                        + scope.cluster() + "' but in '" + group.moniker().cluster() + "'");
            }
            return List.of(group.traffic());
        }
        List<TrafficRecorder> ofCluster = groups.values().stream()
                .filter(g -> g.moniker().cluster().equals(scope.cluster()))
                .map(LocalServerGroup::traffic)
                .toList();
        if (ofCluster.isEmpty()) {
            throw ClusterDeployException.notFound("cluster",
                    "cluster '" + scope.cluster() + "' has no server group in account '" + account.name() + "'");
        }
        return ofCluster;
    }

    /**
     * Stops the load balancers and every process (graceful, then forced), and keeps the records, with the
     * groups' capacity and state but no instances: the next provider on this state directory starts them
     * anew. Idempotent.
     */
    @Override
    public void close() {
        if (!shutDown()) {
            return;
        }
        try {
            List<LocalServerGroup> all = List.copyOf(groups.values());
            List<InstanceProcess> processes = new ArrayList<>();
            all.forEach(g -> processes.addAll(g.detachAll()));
            stopper.stop(processes);
            processes.forEach(launcher::release);
            for (LocalServerGroup group : all) {
                try {
                    group.recordDetached();
                } catch (RuntimeException e) {
                    // Its record still lists the stopped instances; the next provider finds them gone and replaces them.
                    LOG.warn("server group {}: {}", group.name(), e.getMessage());
                }
            }
            groups.clear();
            prometheusTargets.update(List.of()); // nothing left to scrape
            LOG.info("local provider {} closed; {} processes stopped", account.name(), processes.size());
        } finally {
            stateLock.close();
        }
    }

    /**
     * What a crash of Cluster Deploy's server does to this provider, on purpose (a start that failed after
     * the accounts were built): the health checker, the convergence and the load balancers stop and the
     * state directory is unlocked, but the processes keep running and the records stay as they are, for a new
     * provider to adopt. The object is unusable after.
     */
    @Override
    public void release() {
        abandon();
    }

    /** For tests and {@link #release()}: the provider stops as in a crash. */
    void abandon() {
        if (shutDown()) {
            stateLock.close();
            LOG.info("local provider {} abandoned; its processes keep running", account.name());
        }
    }

    /** Stops everything but the processes, once; false when already done (closed or abandoned). */
    private boolean shutDown() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return false;
            }
            closed = true;
        } finally {
            lifecycle.writeLock().unlock();
        }
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("the health checker of account {} did not stop", account.name());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loadBalancers.values().forEach(LocalLoadBalancer::stop);
        loadBalancers.clear();
        healthChecker.close();
        return true;
    }

    // ---- internals -----------------------------------------------------------------------

    /** Starts the checks that are due: often for starting instances, rarely for disabled ones ({@link ProbeSchedule}). */
    private void checkDue() {
        long now = System.nanoTime();
        Instant wallNow = Instant.now();
        for (LocalServerGroup group : groups.values()) {
            try {
                String path = group.spec().healthCheckPath();
                for (InstanceProcess instance : group.instances()) {
                    InstanceHealth health = instance.health();
                    if (health.due(now)) {
                        healthChecker.check(instance, path);
                        long age = Duration.between(instance.launched(), wallNow).toNanos();
                        health.scheduleNext(now, probes.delayNanos(age, health.everPassed(), instance.gate().isOpen()));
                    }
                }
            } catch (RuntimeException e) {
                // Never let one bad round, or one group, cancel the schedule for the others.
                LOG.warn("health checks of server group {} in account {} failed", group.name(), account.name(), e);
            }
        }
    }

    /** The Prometheus file_sd list as the groups are now; called after every change and convergence round. */
    private void publishTargets() {
        try {
            prometheusTargets.update(groups.values().stream().map(g -> g.snapshot(account.name())).toList());
        } catch (RuntimeException e) {
            // Called from finally blocks: must never replace the change's own outcome.
            LOG.warn("cannot list the instances of account {} for Prometheus: {}", account.name(), e.toString());
        }
    }

    private void converge() {
        for (LocalServerGroup group : groups.values()) {
            try {
                group.reconcile();
            } catch (RuntimeException e) {
                LOG.warn("convergence of server group {} in account {} failed", group.name(), account.name(), e);
            }
        }
        // Every change calls for a refresh itself; this one catches what no event announces (a process gone).
        refreshRouting();
        publishTargets();
    }

    /**
     * Calls {@code listener} whenever an instance of this account turns healthy or unhealthy, after the load
     * balancers' routing has followed (on a health-check thread; it must not block), so a deploy's health gate
     * looks again at once instead of at its next poll. Closing the result removes the listener.
     */
    @Override
    public AutoCloseable subscribe(Runnable listener) {
        java.util.Objects.requireNonNull(listener, "listener");
        healthChecker.addChangeListener(listener);
        return () -> healthChecker.removeChangeListener(listener);
    }

    /** Listens again on a recorded load balancer's port. */
    private void restartLoadBalancer(LoadBalancerRecord recorded) {
        if (!recorded.trafficWeights().isEmpty()) {
            weights.put(recorded.name(), Map.copyOf(recorded.trafficWeights()));
        }
        try {
            loadBalancers.put(recorded.name(), LocalLoadBalancer.start(recorded.name(), recorded.port(),
                    routerFor(recorded.name())));
        } catch (ClusterDeployException e) {
            throw new ClusterDeployException(ErrorKind.UNAVAILABLE, stateDirField, "load balancer '" + recorded.name()
                    + "' recorded in " + store.loadBalancerFile(recorded.name()) + " cannot listen again: "
                    + e.getMessage() + "; free the port or remove the record", e);
        }
    }

    /**
     * Takes over a recorded group: adopts its instances still running; the convergence replaces the others.
     * A group whose destroy a crash interrupted is destroyed now.
     */
    private void restoreGroup(ServerGroupRecord recorded) {
        clock.observe(recorded.createdTime());
        List<InstanceProcess> adopted = launcher.adopt(recorded);
        LocalServerGroup group = newGroup(recorded, adopted);
        if (recorded.destroying()) {
            group.destroy();
            LOG.info("finished destroying server group {} in account {}", recorded.name(), account.name());
            return;
        }
        groups.put(recorded.name(), group);
        group.recordAdoption();
        LOG.info("server group {} in account {}: adopted {} of {} recorded instances; desired capacity {}",
                recorded.name(), account.name(), adopted.size(), recorded.instances().size(),
                recorded.capacity().desired());
    }

    private LocalServerGroup newGroup(ServerGroupRecord recorded, List<InstanceProcess> adopted) {
        return new LocalServerGroup(recorded, adopted, launcher, stopper,
                new RestartBackoff(settings.healthCheckInterval(), MAX_RESTART_BACKOFF), store,
                new TrafficRecorder(Instant.now().getEpochSecond()), this::refreshRouting);
    }

    private Router routerFor(String loadBalancer) {
        Router router = routers.computeIfAbsent(loadBalancer, name -> new Router());
        refreshRouting();
        return router;
    }

    /**
     * Recomputes what each load balancer routes to (its groups oldest first, each group's routable instances
     * oldest first, and its weights) and swaps a router's snapshot when that changed. Called on every change
     * of membership, rotation, health or weights, never per request; it takes no group's lock.
     */
    private void refreshRouting() {
        synchronized (routingChanges) {
            List<LocalServerGroup> byAge = groups.values().stream()
                    .sorted(Comparator.comparing(LocalServerGroup::createdTime))
                    .toList();
            routers.forEach((name, router) -> {
                List<RoutingSnapshot.GroupRoutes> behind = new ArrayList<>();
                for (LocalServerGroup g : byAge) {
                    if (g.loadBalancers().contains(name)) {
                        behind.add(new RoutingSnapshot.GroupRoutes(g.name(), g.routes()));
                    }
                }
                RoutingSnapshot next = RoutingSnapshot.of(behind, weights.getOrDefault(name, Map.of()));
                if (!next.sameAs(router.snapshot())) {
                    router.publish(next);
                }
            });
        }
    }

    /** A destroyed group's weights go with it, so that the weights left describe the groups there are. */
    private void forgetWeightsOf(String group) {
        synchronized (loadBalancerChanges) {
            weights.forEach((lbName, byGroup) -> {
                if (byGroup.containsKey(group)) {
                    Map<String, Integer> rest = new LinkedHashMap<>(byGroup);
                    rest.remove(group);
                    LocalLoadBalancer lb = loadBalancers.get(lbName);
                    if (lb != null) {
                        store.save(new LoadBalancerRecord(lbName, lb.port(), rest));
                    }
                    if (rest.isEmpty()) {
                        weights.remove(lbName);
                    } else {
                        weights.put(lbName, Map.copyOf(rest));
                    }
                }
            });
        }
    }

    /** For tests: the running load balancer of that name. */
    LocalLoadBalancer loadBalancer(String name) {
        return loadBalancers.get(name);
    }

    private LoadBalancer model(LocalLoadBalancer lb) {
        List<String> members = groups.values().stream()
                .filter(g -> g.loadBalancers().contains(lb.name()))
                .map(LocalServerGroup::name)
                .sorted()
                .toList();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("port", lb.port());
        Map<String, Integer> trafficWeights = weights.getOrDefault(lb.name(), Map.of());
        if (!trafficWeights.isEmpty()) {
            settings.put("trafficWeights", new java.util.TreeMap<>(trafficWeights));
        }
        return new LoadBalancer(lb.name(), account.name(), LOCATION, lb.address(), members, settings);
    }

    private LocalServerGroup existing(String location, String name) {
        requireLocalLocation(location);
        LocalServerGroup group = name == null ? null : groups.get(name);
        if (group == null) {
            throw ClusterDeployException.notFound("name",
                    "server group '" + name + "' not found in account '" + account.name() + "'");
        }
        return group;
    }

    private static void requireLocalLocation(String location) {
        if (!LOCATION.equals(location)) {
            throw ClusterDeployException.invalid("location",
                    "the local provider has only the location '" + LOCATION + "', not '" + location + "'");
        }
    }

    /** A load balancer's application is the first token of its name, as for server groups. */
    private <T> T mutate(Supplier<T> change) {
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new ClusterDeployException(ErrorKind.UNAVAILABLE, null,
                        "the local provider of account '" + account.name() + "' is closed");
            }
            try {
                return change.get();
            } finally {
                publishTargets(); // a failed change may have started or stopped instances too
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }
}
