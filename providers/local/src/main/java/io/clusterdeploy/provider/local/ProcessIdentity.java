package io.clusterdeploy.provider.local;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a recorded instance's process again. A pid alone proves nothing, since the operating system
 * reuses pids: the process counts as the instance's only when it is alive, started at the recorded
 * instant and its command line names the instance. Anything else is someone else's process, and is
 * left alone.
 */
final class ProcessIdentity {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessIdentity.class);
    // The JDK derives start instants from the kernel's boot time, which clock adjustments can move by
    // up to a second between two JVMs; a reused pid would also have to name the instance, so this is safe.
    static final Duration START_LEEWAY = Duration.ofSeconds(1);

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
        if (!commandLine(info).contains(recorded.id())) {
            LOG.warn("instance {}: pid {} started at the recorded instant but its command line does not name the"
                    + " instance; not adopting it, and leaving it alone", recorded.id(), recorded.pid());
            return Optional.empty();
        }
        return handle;
    }

    /** The command and its arguments as far as the operating system tells; empty when it does not. */
    private static String commandLine(ProcessHandle.Info info) {
        return info.commandLine().orElseGet(() -> info.arguments().map(args -> String.join(" ", args)).orElse(""));
    }
}
