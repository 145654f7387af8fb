package io.clusterdeploy.provider.local;

import io.clusterdeploy.engine.model.HealthState;
import io.clusterdeploy.engine.model.Instance;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One instance of a local server group: an operating-system process serving HTTP on a loopback port. */
final class InstanceProcess {
    private final String id;
    private final int number;
    private final int port;
    private final Process process;
    private final Instant launched;
    private final Path logFile;
    private final Duration shutdownTimeout;
    private final TrafficGate gate;
    private final InstanceHealth health = new InstanceHealth();

    InstanceProcess(String id, int number, int port, Process process, Instant launched, Path logFile,
                    Duration shutdownTimeout, boolean inRotation) {
        this.id = id;
        this.number = number;
        this.port = port;
        this.process = process;
        this.launched = launched;
        this.logFile = logFile;
        this.shutdownTimeout = shutdownTimeout;
        this.gate = new TrafficGate(inRotation);
    }

    String id() {
        return id;
    }

    /** Position in its group's launch order: higher is newer. */
    int number() {
        return number;
    }

    int port() {
        return port;
    }

    Process process() {
        return process;
    }

    Path logFile() {
        return logFile;
    }

    Duration shutdownTimeout() {
        return shutdownTimeout;
    }

    TrafficGate gate() {
        return gate;
    }

    InstanceHealth health() {
        return health;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Admits one proxied request if this instance is alive, healthy and in rotation; pair with {@link #release()}. */
    boolean tryAcquire() {
        return process.isAlive() && health.passing() && gate.tryEnter();
    }

    void release() {
        gate.exit();
    }

    HealthState state() {
        if (!process.isAlive()) {
            return HealthState.DOWN;
        }
        if (!health.everPassed()) {
            return HealthState.STARTING;
        }
        if (!health.passing()) {
            return HealthState.DOWN;
        }
        return gate.isOpen() ? HealthState.UP : HealthState.OUT_OF_SERVICE;
    }

    Instance model() {
        return new Instance(id, state(), "127.0.0.1:" + port, launched);
    }

    /** The process and everything it started, children first; collected before signalling, while still linked. */
    List<ProcessHandle> processTree() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        return tree;
    }
}
