package io.clusterdeploy.provider.local;

import io.clusterdeploy.engine.model.HealthState;
import io.clusterdeploy.engine.model.Instance;
import io.clusterdeploy.engine.provider.InstanceDetails;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One instance of a local server group: an operating-system process serving HTTP on a loopback port.
 * Either launched by this provider (then a child of this JVM) or adopted from the records of an
 * earlier provider (then known only by its {@link ProcessHandle}).
 */
final class InstanceProcess {
    private final String id;
    private final int number;
    private final int port;
    private final ProcessHandle handle;
    private final Process child; // null when adopted: only the launching JVM holds the Process
    private final CompletableFuture<ProcessHandle> exit;
    private final Instant startInstant;
    private final Instant launched;
    private final Path logFile;
    private final Duration shutdownTimeout;
    private final TrafficGate gate;
    private final InstanceHealth health = new InstanceHealth();

    private InstanceProcess(String id, int number, int port, ProcessHandle handle, Process child, Instant startInstant,
                            Instant launched, Path logFile, Duration shutdownTimeout, boolean inRotation) {
        this.id = id;
        this.number = number;
        this.port = port;
        this.handle = handle;
        this.child = child;
        this.exit = handle.onExit();
        this.startInstant = startInstant;
        this.launched = launched;
        this.logFile = logFile;
        this.shutdownTimeout = shutdownTimeout;
        this.gate = new TrafficGate(inRotation);
    }

    /** A process this provider has just started. */
    static InstanceProcess launched(String id, int number, int port, Process process, Path logFile,
                                    Duration shutdownTimeout, boolean inRotation) {
        ProcessHandle handle = process.toHandle();
        return new InstanceProcess(id, number, port, handle, process, handle.info().startInstant().orElse(null),
                Instant.now(), logFile, shutdownTimeout, inRotation);
    }

    /** A recorded instance whose process {@link ProcessIdentity} has found still running. */
    static InstanceProcess adopted(InstanceRecord recorded, ProcessHandle handle, Path logFile,
                                   Duration shutdownTimeout, boolean inRotation) {
        return new InstanceProcess(recorded.id(), recorded.number(), recorded.port(), handle, null,
                recorded.startInstant(), recorded.launched(), logFile, shutdownTimeout, inRotation);
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

    long pid() {
        return handle.pid();
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

    /** When this provider (or the one before it) launched the process. */
    Instant launched() {
        return launched;
    }

    InstanceHealth health() {
        return health;
    }

    boolean isAlive() {
        if (child != null) {
            return child.isAlive();
        }
        // onExit of a process that is not our child is polled by the JDK at growing intervals; ask directly too.
        return !exit.isDone() && handle.isAlive();
    }

    /** How it ended, for the log; only the launching JVM can know an exit status. */
    String exitStatus() {
        return child != null ? "status " + child.exitValue() : "an unknown status (adopted process)";
    }

    /** Admits one proxied request if this instance is alive, healthy and in rotation; pair with {@link #release()}. */
    boolean tryAcquire() {
        return mayBeAlive() && health.passing() && gate.tryEnter();
    }

    /**
     * {@link #isAlive()} without a system call per request: an adopted process is asked by the health
     * checks (a dead one fails them) and through its exit future; a refused connection is retried elsewhere.
     */
    private boolean mayBeAlive() {
        return child != null ? child.isAlive() : !exit.isDone();
    }

    /** Whether the load balancers may route to it now: alive, healthy and in rotation. */
    boolean routable() {
        return isAlive() && health.passing() && gate.isOpen();
    }

    void release() {
        gate.exit();
    }

    HealthState state() {
        if (!isAlive()) {
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

    /**
     * Its health check's last verdict and the facts of its process, for the instance panel: no command line and no
     * environment, which may hold secrets.
     */
    InstanceDetails details(String healthCheckPath) {
        InstanceHealth.Last last = health.last();
        HealthState verdict = !isAlive() ? HealthState.DOWN
                : last == null ? HealthState.UNKNOWN : last.passed() ? HealthState.UP : HealthState.DOWN;
        String detail = !isAlive() ? "the process has exited" : last == null ? "not checked yet" : last.detail();
        InstanceDetails.HealthCheck check = new InstanceDetails.HealthCheck("http",
                "GET http://127.0.0.1:" + port + healthCheckPath, verdict, detail, last == null ? null : last.at());
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("pid", Long.toString(handle.pid()));
        facts.put("port", Integer.toString(port));
        facts.put("traffic", gate.isOpen() ? "in rotation" : "out of rotation");
        facts.put("process started", startInstant == null ? "unknown" : startInstant.toString());
        facts.put("launched by", child != null ? "this server" : "an earlier run (adopted)");
        return new InstanceDetails(List.of(check), facts);
    }

    InstanceRecord record() {
        return new InstanceRecord(id, number, port, handle.pid(), startInstant, launched, gate.isOpen());
    }

    /** The process and everything it started, children first; collected before signalling, while still linked. */
    List<ProcessHandle> processTree() {
        List<ProcessHandle> tree = new ArrayList<>(handle.descendants().toList());
        tree.add(handle);
        return tree;
    }

    /**
     * After the process has exited: waits up to {@code max} until a launched process is reaped, so that no
     * zombie outlives the instance. An adopted process is reaped by its own parent.
     */
    void awaitReaped(Duration max) throws InterruptedException {
        if (child != null) {
            child.waitFor(Math.max(0, max.toMillis()), TimeUnit.MILLISECONDS);
        }
    }
}
