package io.clusterdeploy.provider.kubernetes.sim;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A controller's loop: reconcile whenever an informer event arrives, and at least every {@code resyncMillis}, on one
 * thread of its own. A failed round is logged and the next one tries again, as a real controller requeues.
 */
abstract class Reconciler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final Object monitor = new Object();
    private final Thread thread;
    private final long resyncMillis;
    private boolean dirty = true; // guarded by monitor
    private volatile boolean running = true;

    Reconciler(String name, long resyncMillis) {
        this.resyncMillis = resyncMillis;
        this.thread = new Thread(this::loop, name);
        this.thread.setDaemon(true);
    }

    final void start() {
        thread.start();
    }

    /** Called by informer handlers: something changed. */
    final void poke() {
        synchronized (monitor) {
            dirty = true;
            monitor.notifyAll();
        }
    }

    abstract void reconcile();

    private void loop() {
        while (running) {
            synchronized (monitor) {
                if (!dirty) {
                    try {
                        monitor.wait(resyncMillis);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                dirty = false;
            }
            if (!running) {
                return;
            }
            try {
                reconcile();
            } catch (RuntimeException e) {
                LOG.debug("{}: round failed, retrying: {}", thread.getName(), e.toString());
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
