package io.clusterdeploy.provider.local;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Health-checks instances with an HTTP GET of their health path: any 2xx passes; another status,
 * a connection failure or no answer within the timeout fails. Checks run asynchronously, so one
 * hanging instance does not delay the others.
 */
final class HealthChecker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HealthChecker.class);
    private static final long IDLE_TIMEOUT_MILLIS = 10_000;
    private static final int MAX_THREADS = 8;

    /** Made at the first check: a server with no instances never starts it (start-up time, issue 14). */
    private final Once<HttpClient> client;
    private final Duration timeout;
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();

    HealthChecker(String account, Duration timeout) {
        this.timeout = timeout;
        this.client = new Once<>(() -> start(account, timeout));
    }

    private static HttpClient start(String account, Duration timeout) {
        // Bounded and shrinking: checks are asynchronous, a few threads serve any number of instances.
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 1, (int) IDLE_TIMEOUT_MILLIS);
        threads.setReservedThreads(0);
        threads.setName("local-health-" + account);
        threads.setDaemon(true);
        HttpClient client = new HttpClient();
        client.setExecutor(threads);
        client.setFollowRedirects(false);
        client.setConnectTimeout(timeout.toMillis());
        // Close idle connections before the JDK HttpServer's 30 s idle close does, so a check
        // never goes out on a connection the instance is dropping (a false DOWN).
        client.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the health-check HTTP client", e);
        }
        return client;
    }

    /**
     * Calls {@code listener} after every check that turned an instance from failing to passing or back (on a
     * health-check thread; it must not block). The routing has already followed the change when it runs.
     */
    void addChangeListener(Runnable listener) {
        changeListeners.add(listener);
    }

    void removeChangeListener(Runnable listener) {
        changeListeners.remove(listener);
    }

    /** Starts a check of {@code instance} unless one is still running or the process is gone. */
    void check(InstanceProcess instance, String path) {
        if (!instance.isAlive() || !instance.health().beginCheck()) {
            return;
        }
        try {
            client.get().newRequest(URI.create("http://127.0.0.1:" + instance.port() + path))
                    .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .send(result -> {
                        int status = result.isSucceeded() ? result.getResponse().getStatus() : 0;
                        record(instance, status / 100 == 2,
                                status != 0 ? "HTTP " + status : failure(result.getFailure()));
                    });
        } catch (RuntimeException e) {
            LOG.debug("health check of {} could not be sent", instance.id(), e);
            record(instance, false, "not sent: " + e.getClass().getSimpleName());
        }
    }

    /** Why a check got no answer, in a few words: the instance panel shows it. */
    private String failure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.net.ConnectException) {
                return "connection refused";
            }
            if (c instanceof java.util.concurrent.TimeoutException) {
                return "no answer within " + timeout.toMillis() + " ms";
            }
        }
        return t == null ? "no answer" : "no answer: " + t.getClass().getSimpleName();
    }

    private void record(InstanceProcess instance, boolean passed, String detail) {
        if (instance.health().record(passed, detail)) {
            for (Runnable listener : changeListeners) {
                try {
                    listener.run();
                } catch (RuntimeException e) {
                    LOG.warn("a health change listener failed", e);
                }
            }
        }
    }

    @Override
    public void close() {
        HttpClient made = client.ifMade();
        if (made == null) {
            return;
        }
        try {
            made.stop();
        } catch (Exception e) {
            LOG.warn("stopping the health-check HTTP client failed", e);
        }
    }
}
