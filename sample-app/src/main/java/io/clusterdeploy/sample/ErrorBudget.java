package io.clusterdeploy.sample;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides which requests fail so that exactly {@code rate} of them do, spread evenly: request n
 * fails when floor(n·rate) grows. Deterministic, so tests and canary demos see the stated rate.
 */
final class ErrorBudget {
    private final double rate;
    private final AtomicLong count = new AtomicLong();

    ErrorBudget(double rate) {
        this.rate = rate;
    }

    boolean nextFails() {
        long n = count.incrementAndGet();
        return Math.floor(n * rate) > Math.floor((n - 1) * rate);
    }
}
