package io.clusterdeploy.provider.local;

import java.time.Duration;
import java.time.Instant;

/**
 * Paces replacements of instances that exit without ever becoming healthy, so that a command that
 * crashes at once does not spawn processes in a tight loop. An instance that had been healthy is
 * replaced at once. Not thread safe: used under its server group's lock.
 */
final class RestartBackoff {
    private static final int MAX_DOUBLINGS = 10;
    private final Duration base;
    private final Duration max;
    private int failures;
    private Instant notBefore = Instant.EPOCH;

    RestartBackoff(Duration base, Duration max) {
        this.base = base;
        this.max = max;
    }

    /** Records an instance that exited or failed to start; {@code wasHealthy} resets the pacing. */
    void exited(boolean wasHealthy, Instant now) {
        failures = wasHealthy ? 0 : failures + 1;
        notBefore = now.plus(delay());
    }

    boolean allows(Instant now) {
        return !now.isBefore(notBefore);
    }

    private Duration delay() {
        if (failures == 0) {
            return Duration.ZERO;
        }
        Duration d = base.multipliedBy(1L << Math.min(failures - 1, MAX_DOUBLINGS));
        return d.compareTo(max) > 0 ? max : d;
    }
}
