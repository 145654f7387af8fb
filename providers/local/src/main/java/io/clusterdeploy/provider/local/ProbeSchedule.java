package io.clusterdeploy.provider.local;

import java.time.Duration;

/**
 * When an instance is health-checked next. A starting instance (one that has never passed) is probed every
 * {@link #STARTING_PROBE} at first, then with a pause of 1/{@link #AGE_SHARE} of its age, up to the regular
 * interval. A probe finds an instance's first healthy answer half a pause late on average, a whole one at
 * worst, so a pause proportional to the age keeps that lag under 1/64 (1.6%) of the start-up time whatever the
 * start-up takes: 10 ms up to 0.64 s, 16 ms at 1 s, 31 ms at 2 s (doubling every 0.5 s of age, as before,
 * left 80 ms at 1.5 s and the full interval from 2.5 s, up to 10% of a start-up). An instance that takes a
 * minute gets about 450 probes in all (the doubling gave it about 330), each a refused connect or one small
 * GET on loopback. Instances in rotation are checked at the regular interval; those out of rotation (a disabled
 * group) a quarter as often, since no request reaches them and an enable checks nothing before it opens the gate.
 */
final class ProbeSchedule {
    static final Duration STARTING_PROBE = Duration.ofMillis(10);
    static final int AGE_SHARE = 64;
    static final int OUT_OF_ROTATION_FACTOR = 4;

    private final long intervalNanos;

    ProbeSchedule(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /**
     * The pause before the next check.
     *
     * @param ageNanos   how long ago the instance was launched
     * @param everPassed whether it has passed a check since
     * @param inRotation whether its group is enabled (its traffic gate open)
     */
    long delayNanos(long ageNanos, boolean everPassed, boolean inRotation) {
        if (!everPassed) {
            long delay = Math.max(STARTING_PROBE.toNanos(), Math.max(0, ageNanos) / AGE_SHARE);
            return Math.min(delay, intervalNanos);
        }
        return inRotation ? intervalNanos : intervalNanos * OUT_OF_ROTATION_FACTOR;
    }
}
