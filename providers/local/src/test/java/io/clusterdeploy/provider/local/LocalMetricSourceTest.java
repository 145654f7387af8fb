package io.clusterdeploy.provider.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.canary.source.MetricQuery;
import io.clusterdeploy.engine.canary.source.MetricScope;
import io.clusterdeploy.engine.canary.source.MetricSources;
import io.clusterdeploy.engine.canary.source.TimeSeries;
import io.clusterdeploy.engine.canary.source.TimeWindow;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The local metric source's arithmetic on recorders fed directly, at a fixed clock: steps, gaps, partial
 * steps, clusters, the query language and its errors. LocalMetricSourceTrafficTest reads real traffic.
 */
class LocalMetricSourceTest {
    private static final long T0 = 1_700_000_000L; // the recorders' first second
    private static final MetricScope GROUP = MetricScope.serverGroup("test", "local", "hello", "hello-v001");

    private static LocalMetricSource source(long nowSecond, List<TrafficRecorder> recorders) {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(nowSecond), ZoneOffset.UTC);
        return new LocalMetricSource(scope -> recorders, clock);
    }

    private static TimeWindow window(long from, long to, long step) {
        return new TimeWindow(Instant.ofEpochSecond(from), Instant.ofEpochSecond(to), Duration.ofSeconds(step));
    }

    private static void answers(TrafficRecorder r, long second, int count, int status, long latencyMillis) {
        for (int i = 0; i < count; i++) {
            r.answered(second, status, TimeUnit.MILLISECONDS.toNanos(latencyMillis));
        }
    }

    @Test
    void perSecondRatesRatiosAndQuantilesAtTheStep() {
        TrafficRecorder r = new TrafficRecorder(T0);
        answers(r, T0, 10, 200, 5);         // second 0: 10 requests
        answers(r, T0 + 1, 30, 200, 5);     // second 1: 30 requests, 10 of them 5xx and slow
        answers(r, T0 + 1, 10, 503, 200);
        r.connectionError(T0 + 1);
        r.connectionError(T0 + 1);
        // second 2: nothing (a recorded zero); second 3: 4 requests
        answers(r, T0 + 3, 4, 200, 5);
        LocalMetricSource source = source(T0 + 10, List.of(r));

        // The seconds before the recorder started are not recorded: NaN, never 0.
        TimeSeries perSecond = source.fetch(MetricQuery.of("local", "requests"), GROUP, window(T0 - 2, T0 + 4, 1));
        assertThat(perSecond.epochMillis()).containsExactly((T0 - 2) * 1000, (T0 - 1) * 1000, T0 * 1000,
                (T0 + 1) * 1000, (T0 + 2) * 1000, (T0 + 3) * 1000);
        assertThat(perSecond.values()).containsExactly(Double.NaN, Double.NaN, 10, 40, 0, 4);

        // Steps of 3 from T0 - 2: [T0-2, T0+1) has one recorded second (10), [T0+1, T0+4) three (40 + 0 + 4).
        TimeSeries steps = source.fetch(MetricQuery.of("local", "requests"), GROUP, window(T0 - 2, T0 + 4, 3));
        assertThat(steps.epochMillis()).containsExactly((T0 - 2) * 1000, (T0 + 1) * 1000);
        assertThat(steps.values()).containsExactly(10.0, 44.0 / 3);

        // A window that is not a whole number of steps ends with a shorter step.
        TimeSeries partial = source.fetch(MetricQuery.of("local", "errors_5xx"), GROUP, window(T0, T0 + 3, 2));
        assertThat(partial.values()).containsExactly(5.0, 0.0);

        assertThat(source.fetch(MetricQuery.of("local", "error_rate"), GROUP, window(T0, T0 + 4, 1)).values())
                .containsExactly(0.0, 0.25, Double.NaN, 0.0); // no request in second 2: no rate, not 0
        assertThat(source.fetch(MetricQuery.of("local", "connection_errors"), GROUP, window(T0, T0 + 2, 2)).values())
                .containsExactly(1.0);
        // 5 ms lies in the bucket [4.096, 5.12) ms, 200 ms in [196.608, 229.376) ms: quantiles are bucket upper bounds.
        TimeSeries p50 = source.fetch(MetricQuery.of("local", "latency_p50"), GROUP, window(T0, T0 + 4, 1));
        assertThat(p50.values()).containsExactly(5.12, 5.12, Double.NaN, 5.12);
        TimeSeries p90 = source.fetch(MetricQuery.of("local", "latency_p90"), GROUP, window(T0 + 1, T0 + 2, 1));
        assertThat(p90.values()).containsExactly(229.376);
        TimeSeries p99 = source.fetch(new MetricQuery("local", Map.of("metricName", "latency_p99.9")), GROUP,
                window(T0, T0 + 4, 4));
        assertThat(p99.values()).containsExactly(229.376);
    }

    @Test
    void secondsNotOverYetAreGapsAndAClusterAddsItsGroups() {
        TrafficRecorder v1 = new TrafficRecorder(T0);
        TrafficRecorder v2 = new TrafficRecorder(T0 + 2); // created two seconds later
        answers(v1, T0, 6, 200, 1);
        answers(v1, T0 + 2, 2, 200, 1);
        answers(v2, T0 + 2, 2, 500, 1);
        // Now is T0 + 3: second T0 + 3 is under way, and later ones have not come.
        LocalMetricSource source = source(T0 + 3, List.of(v1, v2));
        TimeSeries requests = source.fetch(MetricQuery.of("local", "requests"), MetricScope.cluster("test", null, "hello"),
                window(T0, T0 + 5, 1));
        assertThat(requests.values()).containsExactly(6, 0, 4, Double.NaN, Double.NaN);
        TimeSeries errorRate = source.fetch(MetricQuery.of("local", "error_rate"),
                MetricScope.cluster("test", null, "hello"), window(T0, T0 + 5, 5));
        assertThat(errorRate.values()).containsExactly(0.2);
    }

    @Test
    void aWindowOlderThanTheStatisticsIsAnErrorNotAGap() {
        LocalMetricSource source = source(T0 + 3 * 3600, List.of(new TrafficRecorder(T0)));
        long now = T0 + 3 * 3600;
        refused(() -> source.fetch(MetricQuery.of("local", "requests"), GROUP, window(now - 7300, now - 7000, 60)),
                ErrorKind.INVALID_INPUT, "start");
        // The oldest second kept is still readable (and recorded: it is a zero).
        TimeSeries oldest = source.fetch(MetricQuery.of("local", "requests"), GROUP,
                window(now - TrafficRecorder.RETENTION_SECONDS + 1, now - 7000, 1));
        assertThat(oldest.value(0)).isZero();
        refused(() -> source.fetch(MetricQuery.of("local", "requests"), GROUP,
                new TimeWindow(Instant.ofEpochSecond(now - 60), Instant.ofEpochSecond(now), Duration.ofMillis(1500))),
                ErrorKind.INVALID_INPUT, "step");
    }

    @Test
    void queriesAreCheckedAndTheirErrorsNameTheField() {
        LocalMetricSource source = source(T0, List.of());
        for (String good : List.of("requests", "errors_5xx", "error_rate", "connection_errors", "latency_p50",
                "latency_p90", "latency_p99", "latency_p99.9", "latency_p100")) {
            source.validate(MetricQuery.of("local", good));
        }
        source.validate(new MetricQuery("local", Map.of("metricName", "latency_p99")));
        for (String bad : List.of("", "request", "Requests", "latency_p0", "latency_p101", "latency_p", "latency_50",
                "latency_p50ms", " requests", "requests{group=x}")) {
            refused(() -> source.validate(MetricQuery.of("local", bad)), ErrorKind.INVALID_INPUT, "query");
        }
        refused(() -> source.validate(new MetricQuery("local", Map.of())), ErrorKind.INVALID_INPUT, "query");
        refused(() -> source.validate(new MetricQuery("local", Map.of("query", 5))), ErrorKind.INVALID_INPUT, "query");
        refused(() -> source.validate(new MetricQuery("local", Map.of("metricName", "latency"))),
                ErrorKind.INVALID_INPUT, "metricName");
        refused(() -> source.validate(new MetricQuery("local", Map.of("query", "requests", "metricName", "requests"))),
                ErrorKind.INVALID_INPUT, "metricName");
        refused(() -> source.validate(new MetricQuery("local", Map.of("query", "requests", "step", "1m"))),
                ErrorKind.INVALID_INPUT, "step");
        // Through the engine's lookup, the field is the config's path.
        MetricSources sources = MetricSources.of(List.of(source));
        assertThatThrownBy(() -> sources.forQuery(MetricQuery.of("local", "latency_p999"), "metrics[3]"))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                    assertThat(e.field()).isEqualTo("metrics[3].query");
                    assertThat(e.getMessage()).contains("latency_p999").contains("latency_p99.9");
                });
        // The fetch checks the query too: nothing is read for a bad one.
        refused(() -> source.fetch(MetricQuery.of("local", "p99"), GROUP, window(T0 - 10, T0, 1)),
                ErrorKind.INVALID_INPUT, "query");
    }

    static void refused(Runnable call, ErrorKind kind, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ClusterDeployException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.field()).isEqualTo(field);
        });
    }
}
