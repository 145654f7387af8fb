package io.clusterdeploy.sample;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** The sample app's HTTP server on 127.0.0.1, serving {@code /}, the health path and {@code /metrics}. */
public final class HelloServer {
    static final String METRICS_PATH = "/metrics";

    // Enough to serve a few load-generating clients at once, each request possibly slowed by --latency-ms.
    private static final int THREADS = 32;

    private final HttpServer server;
    private final ExecutorService executor;
    private final InFlightFilter inFlight;

    private HelloServer(HttpServer server, ExecutorService executor, InFlightFilter inFlight) {
        this.server = server;
        this.executor = executor;
        this.inFlight = inFlight;
    }

    /** Binds and starts serving; throws IOException when the port cannot be bound. */
    public static HelloServer start(AppOptions options) throws IOException {
        HttpServer server = HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 128);
        Metrics metrics = new Metrics(options.version());
        InFlightFilter inFlight = new InFlightFilter();
        server.createContext("/", new RootHandler(options, metrics)).getFilters().add(inFlight);
        server.createContext(options.healthPath(), new HealthHandler(options, metrics)).getFilters().add(inFlight);
        server.createContext(METRICS_PATH, new MetricsHandler(metrics)).getFilters().add(inFlight);
        ExecutorService executor = Executors.newFixedThreadPool(THREADS);
        server.setExecutor(executor);
        server.start();
        return new HelloServer(server, executor, inFlight);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops accepting connections and gives in-flight requests up to {@code grace} to finish. */
    public void stop(Duration grace) {
        // JDK 17's HttpServer.stop(delay) waits the whole delay even when idle, so only wait when
        // requests are in flight; it then returns as soon as they complete.
        server.stop(inFlight.active() == 0 ? 0 : (int) Math.max(1, grace.toSeconds()));
        executor.shutdown();
        try {
            if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
