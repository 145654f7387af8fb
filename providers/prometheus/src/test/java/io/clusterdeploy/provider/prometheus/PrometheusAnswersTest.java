package io.clusterdeploy.provider.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.clusterdeploy.engine.canary.source.MetricQuery;
import io.clusterdeploy.engine.canary.source.MetricScope;
import io.clusterdeploy.engine.canary.source.TimeSeries;
import io.clusterdeploy.engine.canary.source.TimeWindow;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the source sends and how it reads every kind of answer, against a stub speaking Prometheus's HTTP API
 * (the real Prometheus is in {@link PrometheusScrapesLocalProviderTest}; answers it cannot be made to give,
 * such as a 503, a hang or refused credentials, are here).
 */
class PrometheusAnswersTest {
    private static final MetricScope SCOPE = MetricScope.serverGroup("dev", "local", "shop", "shop-v002");
    private static final Instant START = Instant.parse("2026-11-02T10:00:00Z");

    /** What the stub received: the form's fields and the Authorization header. */
    record Received(Map<String, String> form, String authorization, String method, String path) {
    }

    record Answer(int status, String body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer server;

    private PrometheusSettings stub(Function<Received, Answer> answers) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", exchange -> handle(exchange, answers));
        server.start();
        return PrometheusSettings.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/prom"));
    }

    private void handle(HttpExchange exchange, Function<Received, Answer> answers) throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        Received r = new Received(form, exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestMethod(), exchange.getRequestURI().getPath());
        received.add(r);
        Answer a = answers.apply(r);
        byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static String matrix(String... series) {
        return "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[" + String.join(",", series)
                + "]}}";
    }

    /** A series with the labels and the points, each {@code [seconds, "value"]}. */
    private static String series(String labels, String... points) {
        return "{\"metric\":{" + labels + "},\"values\":[" + String.join(",", points) + "]}";
    }

    private static String point(long millis, String value) {
        return "[" + PrometheusClient.seconds(millis) + ",\"" + value + "\"]";
    }

    private static TimeWindow window(int steps, long stepSeconds) {
        return new TimeWindow(START, START.plusSeconds((steps - 1) * stepSeconds), Duration.ofSeconds(stepSeconds));
    }

    private static TimeSeries fetch(PrometheusSettings settings, String query, TimeWindow window) {
        return PrometheusSource.of(settings).fetch(MetricQuery.of("prometheus", query), SCOPE, window);
    }

    private static ClusterDeployException failure(Runnable r) {
        try {
            r.run();
        } catch (ClusterDeployException e) {
            return e;
        }
        throw new AssertionError("no failure");
    }

    @Test
    void asksARangeQueryOverTheWindowAtItsStepAndKeepsGapsAsNaN() throws Exception {
        long t0 = START.toEpochMilli();
        PrometheusSettings settings = stub(r -> new Answer(200, matrix(series("",
                point(t0, "1.5"), point(t0 + 60_000, "NaN"), point(t0 + 180_000, "+Inf"), point(t0 + 240_000, "0")))));

        TimeSeries s = fetch(settings.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(7)),
                "sum(rate(x{server_group=\"${scope}\"}[1m]))", window(5, 60));

        assertThat(received).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/prom/api/v1/query_range");
            assertThat(r.form()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "query", "sum(rate(x{server_group=\"shop-v002\"}[1m]))",
                    "start", "1793613600", "end", "1793613840", "step", "60", "timeout", "7"));
            assertThat(r.authorization()).isNull();
        });
        assertThat(s.epochMillis()).containsExactly(t0, t0 + 60_000, t0 + 120_000, t0 + 180_000, t0 + 240_000);
        assertThat(s.values()).containsExactly(1.5, Double.NaN, Double.NaN, Double.POSITIVE_INFINITY, 0.0);
    }

    @Test
    void sendsBasicAuthOrABearerToken() throws Exception {
        PrometheusSettings settings = stub(r -> new Answer(200, matrix()));
        fetch(PrometheusSettings.of(settings.url()).withBasicAuth("canary", Secret.of("pa:ss")), "up", window(2, 1));
        fetch(PrometheusSettings.of(settings.url()).withBearerToken(Secret.of("tok-123")), "up", window(2, 1));
        assertThat(received).extracting(Received::authorization).containsExactly(
                "Basic " + Base64.getEncoder().encodeToString("canary:pa:ss".getBytes(StandardCharsets.UTF_8)),
                "Bearer tok-123");
    }

    @Test
    void noSeriesIsEmptySeveralAreRefused() throws Exception {
        long t0 = START.toEpochMilli();
        PrometheusSettings settings = stub(r -> r.form().get("query").startsWith("none") ? new Answer(200, matrix())
                : new Answer(200, matrix(series("\"status\":\"200\"", point(t0, "1")),
                        series("\"status\":\"500\"", point(t0, "2")))));
        assertThat(fetch(settings, "none", window(3, 1)).isEmpty()).isTrue();

        ClusterDeployException e = failure(() -> fetch(settings, "several", window(3, 1)));
        assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
        assertThat(e.field()).isEqualTo("query");
        assertThat(e.getMessage()).contains("must aggregate to one series").contains("{status=200}, {status=500}");
    }

    @Test
    void aWindowLongerThanPrometheusAllowsIsAskedInParts() throws Exception {
        long t0 = START.toEpochMilli();
        PrometheusSettings settings = stub(r -> {
            long from = Math.round(Double.parseDouble(r.form().get("start")) * 1000);
            long to = Math.round(Double.parseDouble(r.form().get("end")) * 1000);
            List<String> points = new ArrayList<>();
            for (long t = from; t <= to; t += 1000) {
                points.add(point(t, String.valueOf((t - t0) / 1000)));
            }
            return new Answer(200, matrix(series("", points.toArray(String[]::new))));
        });

        TimeSeries s = fetch(settings, "up", window(25_000, 1));

        assertThat(received).hasSize(3);
        assertThat(received).allSatisfy(r -> assertThat((Double.parseDouble(r.form().get("end"))
                - Double.parseDouble(r.form().get("start")))).isLessThan(11_000));
        assertThat(s.size()).isEqualTo(25_000);
        for (int i = 0; i < s.size(); i++) {
            assertThat(s.value(i)).isEqualTo(i);
        }
    }

    @Test
    void failuresOfPrometheusAreUnavailableAndItsRefusalsInvalidInput() throws Exception {
        Map<String, Answer> answers = Map.of(
                "bad", new Answer(400, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"1:5: parse error: unclosed left parenthesis\"}"),
                "exec", new Answer(422, "{\"status\":\"error\",\"errorType\":\"execution\",\"error\":\"many-to-many matching not allowed\"}"),
                "slow", new Answer(503, "{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out in expression evaluation\"}"),
                "boom", new Answer(502, "<html>bad gateway</html>"),
                "auth", new Answer(401, "Unauthorized"),
                "html", new Answer(200, "<html>grafana</html>"),
                "moved", new Answer(302, ""),
                "vector", new Answer(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}"));
        PrometheusSettings settings = stub(r -> answers.get(r.form().get("query")));
        PrometheusSettings withSecret = PrometheusSettings.of(settings.url()).withBasicAuth("canary", Secret.of("s3cret"));

        ClusterDeployException bad = failure(() -> fetch(withSecret, "bad", window(2, 1)));
        assertThat(bad.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
        assertThat(bad.field()).isEqualTo("query");
        assertThat(bad.getMessage()).isEqualTo("query: Prometheus refused the query: 1:5: parse error: unclosed left parenthesis");
        assertThat(failure(() -> fetch(settings, "exec", window(2, 1))).kind()).isEqualTo(ErrorKind.INVALID_INPUT);
        assertThat(failure(() -> fetch(settings, "vector", window(2, 1))).kind()).isEqualTo(ErrorKind.INVALID_INPUT);

        for (String query : List.of("slow", "boom", "auth", "moved")) {
            ClusterDeployException e = failure(() -> fetch(withSecret, query, window(2, 1)));
            assertThat(e.kind()).as(query).isEqualTo(ErrorKind.UNAVAILABLE);
            assertThat(e.getMessage()).as(query).startsWith("Prometheus at " + settings.url())
                    .doesNotContain("s3cret").doesNotContain(Base64.getEncoder().encodeToString("canary:s3cret".getBytes()));
        }
        assertThat(failure(() -> fetch(settings, "slow", window(2, 1))).getMessage())
                .contains("HTTP 503, timeout").contains("query timed out");
        assertThat(failure(() -> fetch(withSecret, "auth", window(2, 1))).getMessage()).contains("refused the credentials");
        assertThat(failure(() -> fetch(settings, "html", window(2, 1))).kind()).isEqualTo(ErrorKind.INTERNAL);
    }

    @Test
    void aPrometheusThatDoesNotAnswerTimesOutAsUnavailable() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            PrometheusSettings settings = PrometheusSettings.of(URI.create("http://127.0.0.1:" + silent.getLocalPort()))
                    .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500));
            ClusterDeployException e = failure(() -> fetch(settings, "up", window(2, 1)));
            assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
            assertThat(e.getMessage()).contains("did not answer within 2500 ms");
        }
    }

    @Test
    void aPointOffTheAskedGridIsRefused() throws Exception {
        long t0 = START.toEpochMilli();
        PrometheusSettings settings = stub(r -> new Answer(200, matrix(series("", point(t0 + 500, "1")))));
        assertThatThrownBy(() -> fetch(settings, "up", window(3, 1)))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INTERNAL))
                .hasMessageContaining("not on the asked grid");
    }
}
