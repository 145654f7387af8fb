package io.clusterdeploy.engine.operation;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A cancel flag that also wakes sleeping steps. */
final class CancelSignal {
    private final CountDownLatch latch = new CountDownLatch(1);

    void cancel() {
        latch.countDown();
    }

    boolean isCancelled() {
        return latch.getCount() == 0;
    }

    void await(Duration d) throws InterruptedException {
        latch.await(d.toNanos(), TimeUnit.NANOSECONDS);
    }
}
