package io.clusterdeploy.standalone.demo;

import io.clusterdeploy.engine.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Steady HTTP load from a few client threads against one URL, recording every answer. Bounded:
 * the threads stop by themselves after {@code maxDuration} even if nobody calls {@link #close()}.
 */
public final class LoadGenerator {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** A pause between one thread's requests keeps the load steady rather than flat out. */
    private static final long PAUSE_MILLIS = 20;

    private final URI target;
    private final LoadLog log;
    private final long deadlineNanos;
    private final HttpClient http;
    private final List<Thread> threads = new ArrayList<>();
    private final Json json = new Json();
    private volatile boolean stopped;

    public LoadGenerator(URI target, int threadCount, Duration maxDuration, LoadLog log) {
        this.target = target;
        this.log = log;
        this.deadlineNanos = System.nanoTime() + maxDuration.toNanos();
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < threadCount; i++) {
            Thread t = new Thread(this::run, "load-" + (i + 1));
            t.setDaemon(true);
            threads.add(t);
        }
    }

    public LoadGenerator start() {
        threads.forEach(Thread::start);
        return this;
    }

    private void run() {
        HttpRequest request = HttpRequest.newBuilder(target).timeout(REQUEST_TIMEOUT).GET().build();
        while (!stopped && System.nanoTime() < deadlineNanos) {
            LoadSample sample = once(request);
            if (sample == null) {
                return;
            }
            log.add(sample);
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The answer, or null when interrupted. */
    private LoadSample once(HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            long end = System.nanoTime();
            if (r.statusCode() < 200 || r.statusCode() > 299) {
                return new LoadSample(start, end, r.statusCode(), null, "HTTP " + r.statusCode());
            }
            String version = version(r.body());
            return new LoadSample(start, end, r.statusCode(), version, version == null ? "answer without version" : null);
        } catch (InterruptedException e) {
            // Only an abandoned run is interrupted; its last request says nothing about the deploy.
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            return new LoadSample(start, System.nanoTime(), 0, null, e.getClass().getSimpleName());
        }
    }

    private String version(String body) {
        try {
            Map<String, Object> m = json.readObject(body);
            return m.get("version") instanceof String v ? v : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Stops the threads and waits for their last requests. */
    public void close() throws InterruptedException {
        stopped = true;
        for (Thread t : threads) {
            t.join(REQUEST_TIMEOUT.toMillis() + 5_000);
        }
    }
}
