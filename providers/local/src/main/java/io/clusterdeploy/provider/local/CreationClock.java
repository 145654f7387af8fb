package io.clusterdeploy.provider.local;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Creation times that strictly increase within one provider, at millisecond precision, so that
 * "newest" is well defined even for groups created within the same clock tick.
 */
final class CreationClock {
    private final Clock clock;
    private final AtomicReference<Instant> last = new AtomicReference<>(Instant.EPOCH);

    CreationClock(Clock clock) {
        this.clock = clock;
    }

    /** Makes later times newer than {@code earlier}: a group recorded by an earlier provider stays older than new ones. */
    void observe(Instant earlier) {
        last.accumulateAndGet(earlier, (a, b) -> a.isAfter(b) ? a : b);
    }

    Instant next() {
        return last.updateAndGet(previous -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            return now.isAfter(previous) ? now : previous.plusMillis(1);
        });
    }
}
