package io.clusterdeploy.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HelloServerTest {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private HelloServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(Duration.ZERO);
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void rootReportsVersionAndInstanceAndHealthIsOk() throws Exception {
        server = HelloServer.start(AppOptions.parse("--port", "0", "--version", "v7", "--instance-id", "a\"b-1"));

        HttpResponse<String> root = get("/");
        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(root.body()).isEqualTo("{\"version\":\"v7\",\"instance\":\"a\\\"b-1\"}");
        assertThat(root.headers().firstValue("Content-Type")).hasValue("application/json");

        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("ok");

        assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
    }

    @Test
    void neverHealthyAnswers503OnItsCustomHealthPathButStillServesRoot() throws Exception {
        server = HelloServer.start(AppOptions.parse("--port", "0", "--never-healthy", "--health-path", "/ready"));

        assertThat(get("/ready").statusCode()).isEqualTo(503);
        assertThat(get("/health").statusCode()).isEqualTo(404);
        assertThat(get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void errorRateOneFailsEveryRequestAndMetricsCountThem() throws Exception {
        server = HelloServer.start(AppOptions.parse("--port", "0", "--version", "v2", "--error-rate", "1.0"));

        for (int i = 0; i < 5; i++) {
            assertThat(get("/").statusCode()).isEqualTo(500);
        }
        get("/health");

        HttpResponse<String> metrics = get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("# TYPE requests_total counter")
                .contains("requests_total{version=\"v2\"} 5\n")
                .contains("errors_total{version=\"v2\"} 5\n")
                .contains("health_checks_total{version=\"v2\"} 1\n");
    }

    @Test
    void errorRateFailsExactlyThatFractionSpreadEvenly() throws Exception {
        server = HelloServer.start(AppOptions.parse("--port", "0", "--error-rate", "0.25"));

        int failures = 0;
        for (int i = 0; i < 20; i++) {
            if (get("/").statusCode() == 500) {
                failures++;
            }
        }
        assertThat(failures).isEqualTo(5);
        assertThat(get("/metrics").body()).contains("errors_total{version=\"v1\"} 5\n");
    }

    @Test
    void metricsCountRequestsByStatusAndTheirLatencyInAHistogram() throws Exception {
        server = HelloServer.start(AppOptions.parse("--port", "0", "--version", "v3", "--error-rate", "0.25",
                "--latency-ms", "30"));
        for (int i = 0; i < 8; i++) {
            get("/");
        }

        String body = get("/metrics").body();
        assertThat(body)
                .contains("# TYPE http_server_requests_total counter\n")
                .contains("http_server_requests_total{version=\"v3\",status=\"200\"} 6\n")
                .contains("http_server_requests_total{version=\"v3\",status=\"500\"} 2\n")
                .contains("# TYPE http_server_requests_seconds histogram\n")
                // Every request slept 30 ms: none in the buckets up to 25 ms, all from 50 ms on unless slower.
                .contains("http_server_requests_seconds_bucket{version=\"v3\",le=\"0.005\"} 0\n")
                .contains("http_server_requests_seconds_bucket{version=\"v3\",le=\"0.025\"} 0\n")
                .contains("http_server_requests_seconds_bucket{version=\"v3\",le=\"+Inf\"} 8\n")
                .contains("http_server_requests_seconds_count{version=\"v3\"} 8\n")
                .contains("# TYPE process_cpu_seconds_total counter\n");
        double sum = Double.parseDouble(body.replaceAll("(?s).*http_server_requests_seconds_sum\\{[^}]*} (\\S+)\n.*", "$1"));
        assertThat(sum).isGreaterThanOrEqualTo(8 * 0.030);
        // Buckets are cumulative: each at least the one below it.
        long previous = 0;
        for (double le : Metrics.BUCKETS) {
            String line = "http_server_requests_seconds_bucket{version=\"v3\",le=\"" + le + "\"} ";
            int at = body.indexOf(line);
            assertThat(at).as(line).isNotNegative();
            long value = Long.parseLong(body.substring(at + line.length(), body.indexOf('\n', at)));
            assertThat(value).isGreaterThanOrEqualTo(previous);
            previous = value;
        }
    }
}
