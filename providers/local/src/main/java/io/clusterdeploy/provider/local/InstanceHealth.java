package io.clusterdeploy.provider.local;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/** The outcome of an instance's health checks so far; at most one check runs at a time. */
final class InstanceHealth {
    private static final Runnable NOBODY = () -> { };

    private final AtomicBoolean checking = new AtomicBoolean();
    private volatile boolean everPassed;
    private volatile boolean passing;
    private volatile Runnable onChange = NOBODY;
    /** What the last check saw and when, for the instance panel; one immutable pair so they never mix. */
    private volatile Last last;
    /** When the next check is due (System.nanoTime); read and written by the provider's checking thread only. */
    private long nextCheckNanos;
    private boolean scheduled;

    /** Called after each change between passing and failing (the load balancers' routing follows). */
    void onChange(Runnable listener) {
        this.onChange = listener;
    }

    /** Claims the next check; false while one is still running (a slow instance is not piled on). */
    boolean beginCheck() {
        return checking.compareAndSet(false, true);
    }

    /** Whether a check is due at {@code nowNanos}; the first one is due at once. */
    boolean due(long nowNanos) {
        return !scheduled || nowNanos - nextCheckNanos >= 0;
    }

    void scheduleNext(long nowNanos, long delayNanos) {
        scheduled = true;
        nextCheckNanos = nowNanos + delayNanos;
    }

    /** The last check's outcome, what it saw ({@code HTTP 200}, {@code connection refused}) and when. */
    record Last(boolean passed, String detail, Instant at) {
    }

    /** Records a check's outcome without saying what it saw. */
    boolean record(boolean passed) {
        return record(passed, null);
    }

    /** Records a check's outcome and what it saw; true when it changed between passing and failing. */
    boolean record(boolean passed, String detail) {
        last = new Last(passed, detail, Instant.now());
        boolean changed = passing != passed;
        passing = passed;
        if (passed) {
            everPassed = true;
        }
        checking.set(false);
        if (changed) {
            onChange.run();
        }
        return changed;
    }

    /** The last check, or null before the first one. */
    Last last() {
        return last;
    }

    boolean everPassed() {
        return everPassed;
    }

    boolean passing() {
        return passing;
    }
}
