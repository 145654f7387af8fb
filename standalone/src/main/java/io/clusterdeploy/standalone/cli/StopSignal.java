package io.clusterdeploy.standalone.cli;

import java.util.concurrent.CountDownLatch;

/**
 * Closes a resource when the JVM is asked to stop (SIGINT, SIGTERM, System.exit), and lets the
 * main thread wait for that.
 */
final class StopSignal {
    private final CountDownLatch stopped = new CountDownLatch(1);

    private StopSignal() {
    }

    static StopSignal closeOnShutdown(AutoCloseable resource) {
        StopSignal signal = new StopSignal();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("cluster-deploy: stopping failed: " + e);
            } finally {
                signal.stopped.countDown();
            }
        }, "cluster-deploy-shutdown"));
        return signal;
    }

    void await() throws InterruptedException {
        stopped.await();
    }
}
