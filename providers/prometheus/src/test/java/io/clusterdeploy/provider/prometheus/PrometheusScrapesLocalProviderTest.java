package io.clusterdeploy.provider.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.canary.source.MetricQuery;
import io.clusterdeploy.engine.canary.source.MetricScope;
import io.clusterdeploy.engine.canary.source.TimeSeries;
import io.clusterdeploy.engine.canary.source.TimeWindow;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.HealthState;
import io.clusterdeploy.engine.model.Instance;
import io.clusterdeploy.engine.provider.CloudProvider;
import io.clusterdeploy.engine.provider.CreateServerGroupRequest;
import io.clusterdeploy.engine.provider.SecretResolver;
import io.clusterdeploy.provider.local.LocalProviderFactory;
import io.clusterdeploy.sample.HelloApp;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole path a canary analysis takes, with real parts only: the local provider runs a baseline and a
 * canary server group of the sample app as processes and lists their instances in its file_sd file; a real
 * Prometheus finds them only through that file and scrapes them every second; traffic of known size goes
 * to each group; the prometheus metric source then reads what Prometheus recorded, per scope.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrometheusScrapesLocalProviderTest {
    private static final String BASELINE = "shop-web-v001";
    private static final String CANARY = "shop-web-v002";
    private static final int BASELINE_REQUESTS = 120; // 60 to each of its two instances
    private static final int CANARY_REQUESTS = 40;    // a quarter answered 500: exactly 10
    private static final long CANARY_LATENCY_MS = 150;

    private Path dir;
    private Path targetsFile;
    private CloudProvider provider;
    private PrometheusServer prometheus;
    private PrometheusSource source;
    private Instant start;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void startEverything() throws Exception {
        dir = Files.createTempDirectory("prometheus-it-");
        targetsFile = dir.resolve("sd").resolve("local.json");
        // Before anything runs: the first points of the window have no data and must come back as gaps.
        start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(5);
        provider = new LocalProviderFactory().create("dev", Map.of("stateDir", dir.resolve("state").toString(),
                "healthCheckIntervalMillis", 100, "prometheusTargetsFile", targetsFile.toString()), SecretResolver.NONE);
        prometheus = PrometheusServer.start(dir.resolve("sd") + "/*.json");
        source = PrometheusSource.of(PrometheusSettings.of(prometheus.url()));

        provider.createServerGroup(request(BASELINE, 2, "v1"));
        provider.createServerGroup(request(CANARY, 1, "v2", "--error-rate", "0.25",
                "--latency-ms", String.valueOf(CANARY_LATENCY_MS)));
        await().until(() -> upCount(BASELINE) == 2 && upCount(CANARY) == 1);
        // Prometheus has found the three instances through the file, and scraped each.
        await().until(() -> last(fetch("count(up{cluster=\"${cluster}\"} == 1)", clusterScope())) == 3.0);

        List<String> baseline = addresses(BASELINE);
        CompletableFuture<Void> toBaseline = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < BASELINE_REQUESTS; i++) {
                get(baseline.get(i % baseline.size()));
            }
        });
        String canary = addresses(CANARY).get(0);
        for (int i = 0; i < CANARY_REQUESTS; i++) {
            get(canary);
        }
        toBaseline.join();
        // Until Prometheus has scraped after the last request; the values are then final.
        await().until(() -> last(fetch(total(""), scope(BASELINE))) == BASELINE_REQUESTS
                && last(fetch(total(""), scope(CANARY))) == CANARY_REQUESTS);
    }

    @AfterAll
    void stopEverything() throws IOException {
        if (provider != null) {
            provider.close();
        }
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    @Order(1)
    void requestCountsOfEachGroupAreWhatWasSent() {
        TimeSeries baseline = fetch(total(""), scope(BASELINE));
        TimeSeries canary = fetch(total(""), scope(CANARY));

        assertThat(last(baseline)).isEqualTo(BASELINE_REQUESTS);
        assertThat(last(canary)).isEqualTo(CANARY_REQUESTS);
        assertThat(last(fetch(total(",status=\"500\""), scope(CANARY)))).isEqualTo(10);
        assertThat(last(fetch(total(",status=\"200\""), scope(CANARY)))).isEqualTo(30);
        // The cluster scope covers both groups; application and stack come from the names.
        assertThat(last(fetch("sum(http_server_requests_total{cluster=\"${cluster}\"})", clusterScope())))
                .isEqualTo(BASELINE_REQUESTS + CANARY_REQUESTS);
        assertThat(last(fetch("sum(http_server_requests_total{application=\"${application}\",stack=\"${stack}\"})",
                scope(CANARY)))).isEqualTo(BASELINE_REQUESTS + CANARY_REQUESTS);
    }

    @Test
    @Order(2)
    void pointsLieOnTheWindowsGridAndGapsStayGaps() {
        TimeWindow window = window();
        TimeSeries baseline = source.fetch(MetricQuery.of("prometheus", total("")), scope(BASELINE), window);

        assertThat(baseline.size()).isEqualTo(window.points());
        for (int i = 0; i < baseline.size(); i++) {
            assertThat(baseline.epochMillis(i)).isEqualTo(start.toEpochMilli() + i * 1000L);
        }
        // Before the instances existed Prometheus has nothing: NaN, never a zero.
        assertThat(baseline.value(0)).isNaN();
        double[] values = baseline.values();
        int firstValue = 0;
        while (Double.isNaN(values[firstValue])) {
            firstValue++;
        }
        for (int i = firstValue + 1; i < values.length; i++) {
            assertThat(values[i]).as("a counter's sum never falls").isGreaterThanOrEqualTo(values[i - 1]);
        }
    }

    @Test
    @Order(3)
    void ratesAndLatencyTellTheCanaryFromTheBaseline() {
        TimeSeries canaryRate = fetch("sum(rate(http_server_requests_total{server_group=\"${scope}\"}[5s]))", scope(CANARY));
        assertThat(java.util.Arrays.stream(canaryRate.values()).filter(v -> v > 0).count()).isPositive();

        // Every canary request slept 150 ms: none within 100 ms, all counted, a mean above 150 ms.
        assertThat(last(fetch("sum(http_server_requests_seconds_bucket{server_group=\"${scope}\",le=\"0.1\"})",
                scope(CANARY)))).isZero();
        assertThat(last(fetch("sum(http_server_requests_seconds_count{server_group=\"${scope}\"})", scope(CANARY))))
                .isEqualTo(CANARY_REQUESTS);
        String mean = "sum(http_server_requests_seconds_sum{server_group=\"${scope}\"})"
                + " / sum(http_server_requests_seconds_count{server_group=\"${scope}\"})";
        double canaryMean = last(fetch(mean, scope(CANARY)));
        double baselineMean = last(fetch(mean, scope(BASELINE)));
        assertThat(canaryMean).isGreaterThanOrEqualTo(CANARY_LATENCY_MS / 1000.0);
        assertThat(baselineMean).isLessThan(canaryMean);
    }

    @Test
    @Order(4)
    void noSeriesIsAnEmptySeriesAndSeveralAreRefused() {
        // The baseline answered no 500 at all: Prometheus has no such series, and the judge gets Nodata.
        assertThat(fetch(total(",status=\"500\""), scope(BASELINE)).isEmpty()).isTrue();

        assertThatThrownBy(() -> fetch("http_server_requests_total{server_group=\"${scope}\"}", scope(BASELINE)))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
                    assertThat(e.field()).isEqualTo("query");
                    assertThat(e.getMessage()).contains("must aggregate to one series").contains("answered 2 series")
                            .contains("server_group=" + BASELINE);
                });
    }

    @Test
    @Order(5)
    void aServerGroupNameCannotInjectPromQl() {
        MetricScope hostile = MetricScope.serverGroup("dev", "local", "shop-web",
                BASELINE + "\"} or vector(1) or up{server_group=\"");
        String query = "sum(http_server_requests_total{server_group=\"${scope}\"})";
        // Unescaped this would select vector(1); escaped it is a name no series has.
        assertThat(fetch(query, hostile).isEmpty()).isTrue();
        assertThat(source.promql(MetricQuery.of("prometheus", query), hostile))
                .isEqualTo("sum(http_server_requests_total{server_group=\"" + BASELINE
                        + "\\\"} or vector(1) or up{server_group=\\\"\"})");
        // In a regular expression the name matches itself only, not every group it is a prefix of as a pattern.
        MetricScope pattern = MetricScope.cluster("dev", "local", "shop-.*");
        assertThat(fetch("sum(http_server_requests_total{cluster=~\"${cluster}\"})", pattern).isEmpty()).isTrue();
        assertThat(last(fetch("sum(http_server_requests_total{server_group=~\"${cluster}-v00[12]\"})", clusterScope())))
                .isEqualTo(BASELINE_REQUESTS + CANARY_REQUESTS);
    }

    @Test
    @Order(6)
    void prometheusRefusingTheQueryIsInvalidInputInItsOwnWords() {
        assertThatThrownBy(() -> fetch("sum(rate(http_server_requests_total{server_group=\"${scope}\"}[5s])",
                scope(CANARY)))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
                    assertThat(e.field()).isEqualTo("query");
                    assertThat(e.getMessage()).startsWith("query: Prometheus refused the query: ").contains("parse error");
                });
        assertThatThrownBy(() -> source.fetch(new MetricQuery("prometheus",
                        Map.of("customInlineTemplate", "PromQL:rate(up{server_group=\"${scope}\"})")), scope(CANARY), window()))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
                    assertThat(e.field()).isEqualTo("customInlineTemplate");
                    assertThat(e.getMessage()).contains("expected type range vector");
                });
    }

    @Test
    @Order(7)
    void aPrometheusThatIsNotThereIsUnavailable() {
        PrometheusSource nowhere = PrometheusSource.of(PrometheusSettings.of(
                URI.create("http://127.0.0.1:" + PrometheusServer.freePort())));
        assertThatThrownBy(() -> nowhere.fetch(MetricQuery.of("prometheus", total("")), scope(CANARY), window()))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
                    assertThat(e.getMessage()).startsWith("Prometheus at http://127.0.0.1:").contains("cannot be reached");
                });
    }

    @Test
    @Order(8)
    void disablingAndClosingChangeWhatPrometheusScrapes() throws Exception {
        provider.disable("local", CANARY, 100);
        // The file is rewritten and Prometheus relabels the canary's series.
        await().until(() -> last(fetch("count(up{server_group=\"${scope}\",enabled=\"false\"})", scope(CANARY))) == 1.0);
        assertThat(prometheus.get("/api/v1/targets?state=active")).contains("\"enabled\":\"false\"")
                .contains("\"server_group\":\"" + CANARY + "\"").contains("\"instance_id\":\"" + CANARY + "-1\"");

        provider.close();
        assertThat(Files.readString(targetsFile).strip()).isEqualTo("[ ]");
        // Prometheus drops the targets and marks their series stale: no point at the latest step.
        await().until(() -> Double.isNaN(last(fetch("count(up{cluster=\"${cluster}\"})", clusterScope()))));
        provider = null;
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static String total(String moreMatchers) {
        return "sum(http_server_requests_total{server_group=\"${scope}\"" + moreMatchers + "})";
    }

    private TimeWindow window() {
        Instant end = Instant.now();
        return new TimeWindow(start, end, Duration.ofSeconds(1));
    }

    private TimeSeries fetch(String query, MetricScope scope) {
        return source.fetch(MetricQuery.of("prometheus", query), scope, window());
    }

    /** The value at the latest step; NaN when there is none. */
    private static double last(TimeSeries s) {
        return s.isEmpty() ? Double.NaN : s.value(s.size() - 1);
    }

    private static MetricScope scope(String serverGroup) {
        return MetricScope.serverGroup("dev", "local", "shop-web", serverGroup);
    }

    private static MetricScope clusterScope() {
        return MetricScope.cluster("dev", "local", "shop-web");
    }

    private long upCount(String group) {
        return provider.serverGroup("local", group).map(g -> g.instances().stream()
                .filter(i -> i.health() == HealthState.UP).count()).orElse(0L);
    }

    private List<String> addresses(String group) {
        return provider.serverGroup("local", group).orElseThrow().instances().stream().map(Instance::address).toList();
    }

    private void get(String address) {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://" + address + "/"))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(r.statusCode()).isIn(200, 500);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ConditionFactory await() {
        // Generous: the machine is shared; the wait ends as soon as the condition holds and never decides a result.
        return Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .ignoreException(ClusterDeployException.class);
    }

    private static CreateServerGroupRequest request(String name, int instances, String version, String... flags) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m",
                "-cp", codeSource(), HelloApp.class.getName(),
                "--port", "$PORT", "--version", version, "--instance-id", "${INSTANCE_ID}"));
        command.addAll(List.of(flags));
        return new CreateServerGroupRequest(name, "local", Capacity.fixed(instances), List.of(), List.of(),
                Map.of("command", command), Map.of());
    }

    private static String codeSource() {
        try {
            return Path.of(HelloApp.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
