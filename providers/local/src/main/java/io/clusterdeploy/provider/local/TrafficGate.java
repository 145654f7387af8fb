package io.clusterdeploy.provider.local;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether an instance is in the rotation of its load balancers, and how many proxied requests it
 * is serving, so that taking it out of rotation can wait for those requests to finish.
 */
final class TrafficGate {
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Object idle = new Object();
    private volatile boolean open;

    TrafficGate(boolean open) {
        this.open = open;
    }

    /**
     * Admits one request if the gate is open. Counting before checking means a concurrent
     * {@link #close()} either sees this request in flight or this request sees the gate closed.
     */
    boolean tryEnter() {
        inFlight.incrementAndGet();
        if (open) {
            return true;
        }
        exit();
        return false;
    }

    void exit() {
        if (inFlight.decrementAndGet() == 0) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    void open() {
        open = true;
    }

    void close() {
        open = false;
    }

    boolean isOpen() {
        return open;
    }

    int inFlight() {
        return inFlight.get();
    }

    /** Waits until no request is in flight or {@code deadline} passes; true when idle. */
    boolean awaitIdle(Instant deadline) throws InterruptedException {
        synchronized (idle) {
            while (inFlight.get() > 0) {
                long millis = Duration.between(Instant.now(), deadline).toMillis();
                if (millis <= 0) {
                    return false;
                }
                idle.wait(millis);
            }
            return true;
        }
    }
}
