package io.clusterdeploy.provider.kubernetes.cache;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * A monitor every informer event bumps, so that a wait for a state of the cluster wakes on the event that brings it
 * rather than polling. The timeout only bounds the wait; the condition decides.
 */
public final class Changes {
    private long version; // guarded by this
    private final java.util.List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public void bump() {
        synchronized (this) {
            version++;
            notifyAll();
        }
        listeners.forEach(Runnable::run);
    }

    /** {@code onChange} hears every bump, from the informers' threads; closing the result ends it. */
    public AutoCloseable subscribe(Runnable onChange) {
        listeners.add(onChange);
        return () -> listeners.remove(onChange);
    }

    /** Waits until {@code condition} holds or {@code timeout} passes; true when it holds. */
    public boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long seen;
            synchronized (this) {
                seen = version;
            }
            if (condition.getAsBoolean()) {
                return true;
            }
            synchronized (this) {
                while (version == seen) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return condition.getAsBoolean();
                    }
                    // Also re-check now and then: a condition may depend on time (a propagation delay).
                    long millis = Math.min(Math.max(1, left / 1_000_000), 250);
                    wait(millis);
                    if (version == seen) {
                        break;
                    }
                }
            }
        }
    }
}
