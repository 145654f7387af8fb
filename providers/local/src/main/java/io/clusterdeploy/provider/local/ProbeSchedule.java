package io.clusterdeploy.provider.local;

import java.time.Duration;

/**
 * When an instance is health-checked next. A starting instance (one that has never passed) is probed every
 * {@link #STARTING_PROBE} at first, the pause doubling with every {@link #STARTING_STEP} of its age up to the
 * regular interval, so that a deploy learns of a new instance's first healthy answer within about 10 ms
 * without a slow starter being polled at 100 Hz for a minute. Instances in rotation are checked at the
 * regular interval; those out of rotation (a disabled group) a quarter as often, since no request reaches
 * them and an enable checks nothing before it opens the gate.
 */
final class ProbeSchedule {
    static final Duration STARTING_PROBE = Duration.ofMillis(10);
    static final Duration STARTING_STEP = Duration.ofMillis(500);
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
            long doublings = Math.max(0, ageNanos) / STARTING_STEP.toNanos();
            long delay = doublings >= 40 ? Long.MAX_VALUE : STARTING_PROBE.toNanos() << doublings;
            return Math.min(delay, intervalNanos);
        }
        return inRotation ? intervalNanos : intervalNanos * OUT_OF_ROTATION_FACTOR;
    }
}
