package io.clusterdeploy.sample;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/** {@code GET /metrics} in the Prometheus text format. */
final class MetricsHandler implements HttpHandler {
    private final Metrics metrics;

    MetricsHandler(Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (Exchanges.accept(exchange, HelloServer.METRICS_PATH)) {
            Exchanges.send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.render());
        }
    }
}
