package io.clusterdeploy.provider.local;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.Moniker;
import io.clusterdeploy.engine.model.ServerGroup;
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
 * capacity like an Auto Scaling group. Every change runs under the group's lock; the instance list
 * itself is copy-on-write so that the load balancers and readers never block.
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
    private final Terminator terminator;
    private final RestartBackoff backoff;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<InstanceProcess> instances = new CopyOnWriteArrayList<>();
    private volatile Capacity capacity;
    private volatile boolean disabled;
    private boolean destroyed; // guarded by lock
    private int lastInstanceNumber; // guarded by lock

    LocalServerGroup(String name, Moniker moniker, DeploySpec spec, Capacity capacity, List<String> loadBalancers,
                     Map<String, String> tags, Instant createdTime, InstanceLauncher launcher, Terminator terminator,
                     RestartBackoff backoff) {
        this.name = name;
        this.moniker = moniker;
        this.spec = spec;
        this.capacity = capacity;
        this.loadBalancers = List.copyOf(loadBalancers);
        this.tags = Map.copyOf(tags);
        this.createdTime = createdTime;
        this.launcher = launcher;
        this.terminator = terminator;
        this.backoff = backoff;
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

    ServerGroup snapshot(String account) {
        return new ServerGroup(name, moniker, account, LocalProvider.LOCATION, capacity,
                instances.stream().map(InstanceProcess::model).toList(), disabled, createdTime,
                spec.command().toString(), loadBalancers, List.of(), tags);
    }

    /** Starts the initial instances; on failure stops those already started and rethrows. */
    void start() {
        lock.lock();
        try {
            startMissing();
        } catch (RuntimeException e) {
            List<InstanceProcess> started = List.copyOf(instances);
            instances.clear();
            stopAndRelease(started);
            throw e;
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
            List<InstanceProcess> surplus = instances.stream()
                    .sorted(Comparator.comparingInt(InstanceProcess::number).reversed())
                    .limit(Math.max(0, instances.size() - newCapacity.desired()))
                    .toList();
            instances.removeAll(surplus);
            stopAndRelease(surplus);
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
            terminator.drain(out);
        } finally {
            lock.unlock();
        }
    }

    /** Stops every instance and marks the group gone; false when it already was. */
    boolean destroy() {
        lock.lock();
        try {
            if (destroyed) {
                return false;
            }
            destroyed = true;
            List<InstanceProcess> all = List.copyOf(instances);
            stopAndRelease(all);
            instances.clear();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Marks the group gone and hands its instances to the caller, who stops them together with
     * those of other groups (provider shutdown).
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

    /**
     * Periodic convergence: forgets exited processes and starts replacements up to the desired capacity.
     * Skipped while another change holds the lock; the next round catches up.
     */
    void reconcile() {
        if (!lock.tryLock()) {
            return;
        }
        try {
            if (destroyed) {
                return;
            }
            reapExited();
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

    private void reapExited() {
        for (InstanceProcess instance : instances) {
            if (!instance.isAlive()) {
                instances.remove(instance);
                launcher.release(instance);
                backoff.exited(instance.health().everPassed(), Instant.now());
                LOG.warn("server group {}: instance {} exited with status {}; see {}", name, instance.id(),
                        instance.process().exitValue(), instance.logFile());
            }
        }
    }

    private void startMissing() {
        while (instances.size() < capacity.desired()) {
            InstanceProcess instance = launcher.launch(name, ++lastInstanceNumber, spec, !disabled);
            instances.add(instance);
            LOG.info("server group {}: started instance {} (pid {}) on 127.0.0.1:{}", name, instance.id(),
                    instance.process().pid(), instance.port());
        }
    }

    private void stopAndRelease(List<InstanceProcess> stopping) {
        if (!stopping.isEmpty()) {
            terminator.stop(stopping);
            stopping.forEach(launcher::release);
        }
    }

    private void ensureExists() {
        if (destroyed) {
            throw ClusterDeployException.notFound("name", "server group '" + name + "' was destroyed");
        }
    }
}
