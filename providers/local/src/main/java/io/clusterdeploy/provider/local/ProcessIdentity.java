package io.clusterdeploy.provider.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a recorded instance's process again. A pid alone proves nothing, since the operating system
 * reuses pids: the process counts as the instance's only when it is alive, started at the recorded
 * instant and names the instance, in its command line or in the {@value #INSTANCE_ENV} environment
 * variable every instance is started with (read from /proc where the system has it). Anything else
 * is someone else's process, and is left alone.
 */
final class ProcessIdentity {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessIdentity.class);
    // The JDK derives start instants from the kernel's boot time, which clock adjustments can move by
    // up to a second between two JVMs; a reused pid would also have to name the instance, so this is safe.
    static final Duration START_LEEWAY = Duration.ofSeconds(1);
    /** Set in every instance's environment to its id. */
    static final String INSTANCE_ENV = "CLUSTER_DEPLOY_INSTANCE_ID";

    private ProcessIdentity() {
    }

    /** The live process of {@code recorded}, or empty when it is gone or its pid now belongs to another process. */
    static Optional<ProcessHandle> find(InstanceRecord recorded) {
        Optional<ProcessHandle> handle = ProcessHandle.of(recorded.pid()).filter(ProcessHandle::isAlive);
        if (handle.isEmpty()) {
            LOG.warn("instance {}: its process (pid {}) is gone", recorded.id(), recorded.pid());
            return Optional.empty();
        }
        ProcessHandle.Info info = handle.get().info();
        Optional<Instant> started = info.startInstant();
        if (recorded.startInstant() == null || started.isEmpty()
                || Duration.between(recorded.startInstant(), started.get()).abs().compareTo(START_LEEWAY) > 0) {
            LOG.warn("instance {}: pid {} now belongs to another process (started {}, the instance started {});"
                    + " not adopting it, and leaving it alone",
                    recorded.id(), recorded.pid(), started.map(Instant::toString).orElse("at an unknown time"),
                    recorded.startInstant() == null ? "at an unknown time" : recorded.startInstant());
            return Optional.empty();
        }
        if (!commandLine(info).contains(recorded.id()) && !environmentNames(recorded.pid(), recorded.id())) {
            LOG.warn("instance {}: pid {} started at the recorded instant but neither its command line nor its"
                    + " environment names the instance; not adopting it, and leaving it alone",
                    recorded.id(), recorded.pid());
            return Optional.empty();
        }
        return handle;
    }

    /** Whether /proc/PID/environ holds {@code INSTANCE_ENV=id}; false where it cannot be read. */
    static boolean environmentNames(long pid, String id) {
        Path environ = Path.of("/proc", Long.toString(pid), "environ");
        try {
            String wanted = INSTANCE_ENV + "=" + id;
            for (String entry : new String(Files.readAllBytes(environ), StandardCharsets.UTF_8).split("\0")) {
                if (entry.equals(wanted)) {
                    return true;
                }
            }
            return false;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** The command and its arguments as far as the operating system tells; empty when it does not. */
    private static String commandLine(ProcessHandle.Info info) {
        return info.commandLine().orElseGet(() -> info.arguments().map(args -> String.join(" ", args)).orElse(""));
    }
}
