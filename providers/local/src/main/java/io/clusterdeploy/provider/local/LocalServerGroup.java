package io.clusterdeploy.provider.local;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.Moniker;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.naming.ServerGroupName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One local server group: its processes, capacity and rotation, converged towards the desired
 * capacity like an Auto Scaling group. Every change runs under the group's lock and ends with the
 * group's record saved, so a provider started later can carry on; the instance list itself is
 * copy-on-write so that the load balancers and readers never block.
 */
final class LocalServerGroup {
    private static final Logger LOG = LoggerFactory.getLogger(LocalServerGroup.class);

    private final String name;
    private final Moniker moniker;
    private final DeploySpec spec;
    private final List<String> loadBalancers;
    private final Map<String, String> tags;
    private final Instant createdTime;
    private final InstanceLauncher launcher;
    private final ProcessStopper stopper;
    private final RestartBackoff backoff;
    private final StateStore store;
    private final TrafficRecorder traffic;
    private final Runnable routingChanged;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<InstanceProcess> instances = new CopyOnWriteArrayList<>();
    private volatile Capacity capacity;
    private volatile boolean disabled;
    private boolean destroyed; // guarded by lock; also set once the provider has let go of the group
    private int lastInstanceNumber; // guarded by lock

    /**
     * @param recorded a new group's record ({@link ServerGroupRecord#created}) or one an earlier provider left
     * @param adopted  those of the recorded instances whose processes still run, oldest first
     * @param routingChanged called whenever an instance may have entered or left the load balancers' rotation
     */
    LocalServerGroup(ServerGroupRecord recorded, List<InstanceProcess> adopted, InstanceLauncher launcher,
                     ProcessStopper stopper, RestartBackoff backoff, StateStore store, TrafficRecorder traffic,
                     Runnable routingChanged) {
        this.name = recorded.name();
        this.moniker = ServerGroupName.parse(recorded.name()).moniker();
        this.spec = recorded.deploySpec();
        this.capacity = recorded.capacity();
        this.loadBalancers = recorded.loadBalancers();
        this.tags = recorded.tags();
        this.createdTime = recorded.createdTime();
        this.disabled = recorded.disabled();
        this.lastInstanceNumber = recorded.lastInstanceNumber();
        this.instances.addAll(adopted);
        this.launcher = launcher;
        this.stopper = stopper;
        this.backoff = backoff;
        this.store = store;
        this.traffic = traffic;
        this.routingChanged = routingChanged;
        adopted.forEach(i -> i.health().onChange(routingChanged));
    }

    String name() {
        return name;
    }

    Moniker moniker() {
        return moniker;
    }

    DeploySpec spec() {
        return spec;
    }

    Instant createdTime() {
        return createdTime;
    }

    List<String> loadBalancers() {
        return loadBalancers;
    }

    /** The current instances, oldest first. */
    List<InstanceProcess> instances() {
        return List.copyOf(instances);
    }

    /** The instances the load balancers may route to now, oldest first, with this group's statistics. */
    List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (InstanceProcess instance : instances) {
            if (instance.routable()) {
                routes.add(new Route(instance, traffic));
            }
        }
        return routes;
    }

    TrafficRecorder traffic() {
        return traffic;
    }

    ServerGroup snapshot(String account) {
        return new ServerGroup(name, moniker, account, LocalProvider.LOCATION, capacity,
                instances.stream().map(InstanceProcess::model).toList(), disabled, createdTime,
                spec.command().toString(), loadBalancers, List.of(), tags);
    }

    /**
     * Starts the new group's initial instances, recording the group with its first one (or alone when it has
     * none); on failure stops those already started, removes the record and rethrows. Not recorded before its first
     * launch: a record without instances saves nothing from a crash that a missing record loses (the next provider
     * adopts only recorded instances, and the deploy that asked creates the group again), and it cost a forced
     * write before every deploy's first instance started.
     */
    void start() {
        lock.lock();
        try {
            startMissing();
            if (instances.isEmpty()) {
                save();
            }
        } catch (RuntimeException e) {
            destroyed = true;
            List<InstanceProcess> started = List.copyOf(instances);
            instances.clear();
            stopAndRelease(started);
            try {
                store.deleteServerGroup(name);
            } catch (RuntimeException deleting) {
                e.addSuppressed(deleting);
            }
            throw e;
        } finally {
            lock.unlock();
        }
    }

    /** Records what an earlier provider left as this provider now has it: the adopted instances only. */
    void recordAdoption() {
        lock.lock();
        try {
            save();
        } finally {
            lock.unlock();
        }
    }

    /** Sets the capacity and converges: starts missing instances, stops the newest surplus ones after draining them. */
    void resize(Capacity newCapacity) {
        lock.lock();
        try {
            ensureExists();
            capacity = newCapacity;
            reapExited();
            save();
            stopSurplus();
            startMissing();
        } finally {
            lock.unlock();
        }
    }

    /** Puts every instance back into rotation; each receives traffic once healthy. */
    void enable() {
        lock.lock();
        try {
            ensureExists();
            disabled = false;
            instances.forEach(i -> i.gate().open());
            routingChanged.run();
            save();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes ceil(percentage % of the instances) out of rotation, counting those already out and then
     * choosing the newest, and returns once their in-flight requests are done (bounded). At 100 the
     * whole group is disabled, and instances started later stay out of rotation too.
     */
    void disable(int percentage) {
        lock.lock();
        try {
            ensureExists();
            List<InstanceProcess> current = List.copyOf(instances);
            int target = (percentage * current.size() + 99) / 100;
            if (percentage >= 100) {
                disabled = true;
            }
            List<InstanceProcess> out = new ArrayList<>(current.stream().filter(i -> !i.gate().isOpen()).toList());
            current.stream()
                    .filter(i -> i.gate().isOpen())
                    .sorted(Comparator.comparingInt(InstanceProcess::number).reversed())
                    .limit(Math.max(0, target - out.size()))
                    .forEach(out::add);
            out.forEach(i -> i.gate().close());
            routingChanged.run();
            // Recorded before waiting for in-flight requests: a crash during the wait keeps them out of rotation.
            save();
            stopper.drain(out);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops every instance, removes the record and marks the group gone; false when it already was.
     * Throws only when the destroy could not be recorded, and then changes nothing.
     */
    boolean destroy() {
        lock.lock();
        try {
            if (destroyed) {
                return false;
            }
            // Marked first: a crash while stopping leaves a record the next provider finishes destroying
            // rather than one it would bring back to life.
            store.save(record(true));
            destroyed = true;
            List<InstanceProcess> all = List.copyOf(instances);
            stopAndRelease(all);
            instances.clear();
            try {
                store.deleteServerGroup(name);
            } catch (RuntimeException e) {
                LOG.warn("server group {} is destroyed but its record is not: {}; the next provider on this state"
                        + " directory removes it", name, e.getMessage());
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Provider shutdown: marks the group as no longer managed and hands its instances to the caller, who
     * stops them together with those of other groups and then calls {@link #recordDetached()}.
     */
    List<InstanceProcess> detachAll() {
        lock.lock();
        try {
            destroyed = true;
            List<InstanceProcess> all = List.copyOf(instances);
            instances.clear();
            return all;
        } finally {
            lock.unlock();
        }
    }

    /** After {@link #detachAll()}: records the group without instances, so the next provider starts them anew. */
    void recordDetached() {
        lock.lock();
        try {
            store.save(record(false));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Periodic convergence: forgets exited processes, stops a surplus (left by a crash in the middle of a
     * resize) and starts replacements up to the desired capacity. Skipped while another change holds the
     * lock; the next round catches up.
     */
    void reconcile() {
        if (!lock.tryLock()) {
            return;
        }
        try {
            if (destroyed) {
                return;
            }
            if (reapExited()) {
                save();
            }
            stopSurplus();
            if (instances.size() < capacity.desired() && backoff.allows(Instant.now())) {
                try {
                    startMissing();
                } catch (ClusterDeployException e) {
                    LOG.warn("server group {}: cannot start a replacement instance: {}", name, e.getMessage());
                    backoff.exited(false, Instant.now());
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Forgets exited processes; true when there were any. */
    private boolean reapExited() {
        boolean reaped = false;
        for (InstanceProcess instance : instances) {
            if (!instance.isAlive()) {
                instances.remove(instance);
                launcher.release(instance);
                backoff.exited(instance.health().everPassed(), Instant.now());
                routingChanged.run();
                LOG.warn("server group {}: instance {} exited with {}; see {}", name, instance.id(),
                        instance.exitStatus(), instance.logFile());
                reaped = true;
            }
        }
        return reaped;
    }

    /** Stops the newest instances beyond the desired capacity; they stay recorded until they are gone. */
    private void stopSurplus() {
        List<InstanceProcess> surplus = instances.stream()
                .sorted(Comparator.comparingInt(InstanceProcess::number).reversed())
                .limit(Math.max(0, instances.size() - capacity.desired()))
                .toList();
        if (!surplus.isEmpty()) {
            stopAndRelease(surplus);
            instances.removeAll(surplus);
            save();
        }
    }

    private void startMissing() {
        while (instances.size() < capacity.desired()) {
            InstanceProcess instance = launcher.launch(name, ++lastInstanceNumber, spec, !disabled);
            instance.health().onChange(routingChanged);
            instances.add(instance);
            LOG.info("server group {}: started instance {} (pid {}) on 127.0.0.1:{}", name, instance.id(),
                    instance.pid(), instance.port());
            // At once: a crash now must not leave a process no record knows about.
            save();
        }
    }

    private void stopAndRelease(List<InstanceProcess> stopping) {
        if (!stopping.isEmpty()) {
            // Out of the load balancers' routing first, then drained and stopped.
            stopping.forEach(i -> i.gate().close());
            routingChanged.run();
            stopper.stop(stopping);
            stopping.forEach(launcher::release);
        }
    }

    private void save() {
        store.save(record(false));
    }

    private ServerGroupRecord record(boolean destroying) {
        return new ServerGroupRecord(ServerGroupRecord.FORMAT, name, capacity, spec.toMap(), loadBalancers, List.of(),
                tags, createdTime, disabled, destroying, lastInstanceNumber,
                instances.stream().map(InstanceProcess::record).toList());
    }

    private void ensureExists() {
        if (destroyed) {
            throw ClusterDeployException.notFound("name", "server group '" + name + "' was destroyed");
        }
    }
}
