package io.clusterdeploy.engine.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that runs {@code factor} times faster than real time from its creation: waits measured by it (a canary's
 * lifetime) pass in a fraction of the time, while the code still waits for real.
 */
public final class ScaledClock extends Clock {
    private final Instant origin = Instant.now();
    private final long originNanos = System.nanoTime();
    private final int factor;

    public ScaledClock(int factor) {
        this.factor = factor;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return origin.plusNanos((System.nanoTime() - originNanos) * factor);
    }
}
