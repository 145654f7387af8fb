package io.clusterdeploy.provider.local;

import java.util.concurrent.atomic.AtomicBoolean;

/** The outcome of an instance's health checks so far; at most one check runs at a time. */
final class InstanceHealth {
    private static final Runnable NOBODY = () -> { };

    private final AtomicBoolean checking = new AtomicBoolean();
    private volatile boolean everPassed;
    private volatile boolean passing;
    private volatile Runnable onChange = NOBODY;

    /** Called after each change between passing and failing (the load balancers' routing follows). */
    void onChange(Runnable listener) {
        this.onChange = listener;
    }

    /** Claims the next check; false while one is still running (a slow instance is not piled on). */
    boolean beginCheck() {
        return checking.compareAndSet(false, true);
    }

    void record(boolean passed) {
        boolean changed = passing != passed;
        passing = passed;
        if (passed) {
            everPassed = true;
        }
        checking.set(false);
        if (changed) {
            onChange.run();
        }
    }

    boolean everPassed() {
        return everPassed;
    }

    boolean passing() {
        return passing;
    }
}
