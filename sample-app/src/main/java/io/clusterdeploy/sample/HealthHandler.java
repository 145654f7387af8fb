package io.clusterdeploy.sample;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/** The health endpoint: 200 {@code ok}, or always 503 with {@code --never-healthy}. */
final class HealthHandler implements HttpHandler {
    private final String path;
    private final boolean neverHealthy;
    private final Metrics metrics;

    HealthHandler(AppOptions options, Metrics metrics) {
        this.path = options.healthPath();
        this.neverHealthy = options.neverHealthy();
        this.metrics = metrics;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!Exchanges.accept(exchange, path)) {
            return;
        }
        metrics.healthCheck();
        if (neverHealthy) {
            Exchanges.send(exchange, 503, "text/plain; charset=utf-8", "unhealthy\n");
        } else {
            Exchanges.send(exchange, 200, "text/plain; charset=utf-8", "ok");
        }
    }
}
