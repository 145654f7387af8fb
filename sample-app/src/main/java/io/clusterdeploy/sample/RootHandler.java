package io.clusterdeploy.sample;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/** {@code GET /}: the version and instance id as JSON, with the configured latency and error rate. */
final class RootHandler implements HttpHandler {
    private final String body;
    private final long latencyMs;
    private final ErrorBudget errors;
    private final Metrics metrics;

    RootHandler(AppOptions options, Metrics metrics) {
        this.body = "{\"version\":" + Json.string(options.version())
                + ",\"instance\":" + Json.string(options.instanceId()) + "}";
        this.latencyMs = options.latencyMs();
        this.errors = new ErrorBudget(options.errorRate());
        this.metrics = metrics;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!Exchanges.accept(exchange, "/")) {
            return;
        }
        long started = System.nanoTime();
        metrics.request();
        if (latencyMs > 0) {
            try {
                Thread.sleep(latencyMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (errors.nextFails()) {
            metrics.error();
            // Counted before answering, so that a client that has its answer finds it counted.
            metrics.served(500, System.nanoTime() - started);
            Exchanges.send(exchange, 500, "application/json", "{\"error\":\"injected failure\"}");
            return;
        }
        metrics.served(200, System.nanoTime() - started);
        Exchanges.send(exchange, 200, "application/json", body);
    }
}
