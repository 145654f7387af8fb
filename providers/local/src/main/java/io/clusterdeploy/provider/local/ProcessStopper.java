package io.clusterdeploy.provider.local;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes instances out of service: out of rotation, wait for their in-flight requests, SIGTERM to each
 * process and its descendants, wait up to its shutdown timeout, then SIGKILL whatever is left. All
 * instances go through each phase together, so stopping many takes as long as stopping the slowest.
 */
final class ProcessStopper {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessStopper.class);
    // After SIGKILL the kernel needs a moment to tear the process down; never wait forever for it.
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);
    private static final Duration EXIT_POLL = Duration.ofMillis(100);

    /** Takes the instances out of rotation and waits (each up to its shutdown timeout) for their requests. */
    void drain(List<InstanceProcess> instances) {
        instances.forEach(i -> i.gate().close());
        Instant start = Instant.now();
        try {
            for (InstanceProcess instance : instances) {
                if (!instance.gate().awaitIdle(start.plus(instance.shutdownTimeout()))) {
                    LOG.warn("instance {} still had {} in-flight requests after {}s", instance.id(),
                            instance.gate().inFlight(), instance.shutdownTimeout().toSeconds());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Drains, then stops the processes: graceful first, forced after each instance's shutdown timeout. */
    void stop(List<InstanceProcess> instances) {
        drain(instances);
        List<ProcessHandle> all = new ArrayList<>();
        List<Instant> deadlines = new ArrayList<>();
        Instant signalled = Instant.now();
        for (InstanceProcess instance : instances) {
            for (ProcessHandle handle : instance.processTree()) {
                handle.destroy();
                all.add(handle);
                deadlines.add(signalled.plus(instance.shutdownTimeout()));
            }
        }
        boolean interrupted = Thread.interrupted();
        for (int i = 0; i < all.size() && !interrupted; i++) {
            interrupted = !awaitExit(all.get(i), deadlines.get(i));
        }
        for (ProcessHandle handle : all) {
            if (handle.isAlive()) {
                LOG.warn("process {} did not stop after SIGTERM; killing it", handle.pid());
                handle.destroyForcibly();
            }
        }
        Instant killDeadline = Instant.now().plus(KILL_WAIT);
        for (ProcessHandle handle : all) {
            awaitExit(handle, killDeadline);
        }
        // Reaping our direct children means no zombie outlives the instance.
        for (InstanceProcess instance : instances) {
            try {
                instance.awaitReaped(Duration.between(Instant.now(), killDeadline));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** False only when interrupted. */
    private static boolean awaitExit(ProcessHandle handle, Instant deadline) {
        CompletableFuture<ProcessHandle> exit = handle.onExit();
        // The JDK polls the exit of a process that is not our child (an adopted one) at intervals of up to
        // 5 s; asking isAlive between short waits notices it sooner.
        while (handle.isAlive()) {
            long millis = Math.min(EXIT_POLL.toMillis(), Duration.between(Instant.now(), deadline).toMillis());
            if (millis <= 0) {
                return true;
            }
            try {
                exit.get(millis, TimeUnit.MILLISECONDS);
                return true;
            } catch (TimeoutException | ExecutionException e) {
                // Still running (or cannot be watched): look again until the deadline, then the forced phase takes over.
            } catch (InterruptedException e) {
                return false;
            }
        }
        return true;
    }
}
