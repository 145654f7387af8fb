package io.clusterdeploy.engine.canary.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricSourceTest {
    private static final Instant T0 = Instant.parse("2024-06-03T10:00:00Z");

    /** A source whose queries must name a metric, as a real one checks its own fields. */
    static final class Recording implements MetricSource {
        @Override
        public String type() {
            return "recording";
        }

        @Override
        public void validate(MetricQuery query) {
            if (query.string("metric") == null) {
                throw ClusterDeployException.invalid("query.metric", "a metric name is required");
            }
        }

        @Override
        public TimeSeries fetch(MetricQuery query, MetricScope scope, TimeWindow window) {
            return TimeSeries.regular(window.start(), window.step(), new double[] {1, Double.NaN, 3});
        }
    }

    @Test
    void timeSeriesKeepTimestampsAndGaps() {
        TimeSeries s = TimeSeries.of(new long[] {1000, 2000, 5000}, new double[] {0, Double.NaN, 2});
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.timestamp(2)).isEqualTo(Instant.ofEpochMilli(5000));
        assertThat(s.value(1)).isNaN();
        double[] copy = s.values();
        copy[0] = 9;
        assertThat(s.value(0)).as("immutable").isZero();
        assertThatThrownBy(() -> TimeSeries.of(new long[] {1000, 1000}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("increase");
        assertThatThrownBy(() -> TimeSeries.of(new long[] {1000}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(TimeSeries.regular(T0, Duration.ofMinutes(1), new double[] {1, 2}).epochMillis(1))
                .isEqualTo(T0.plusSeconds(60).toEpochMilli());
    }

    @Test
    void windowsAreCheckedBeforeAnySourceIsAsked() {
        assertThat(new TimeWindow(T0, T0.plusSeconds(3600), Duration.ofMinutes(1)).points()).isEqualTo(61);
        assertThatThrownBy(() -> new TimeWindow(T0, T0, Duration.ofMinutes(1)))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> assertThat(e.field()).isEqualTo("end"));
        assertThatThrownBy(() -> new TimeWindow(T0, T0.plusSeconds(60), Duration.ofMillis(10)))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> assertThat(e.field()).isEqualTo("step"));
        assertThatThrownBy(() -> new TimeWindow(T0, T0.plus(Duration.ofDays(30)), Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> assertThat(e.field()).isEqualTo("step"));
        assertThatThrownBy(() -> new MetricScope("local", null, null, " "))
                .isInstanceOf(ClusterDeployException.class);
        assertThat(MetricScope.cluster("local", null, "hello-prod").name()).isEqualTo("hello-prod");
    }

    @Test
    void queriesFindTheirSourceAndAreValidatedByIt() {
        MetricSources sources = MetricSources.of(List.of(new Recording()));
        MetricQuery good = new MetricQuery("recording", Map.of("metric", "latency"));
        MetricSource source = sources.forQuery(good, "metrics[0]");
        TimeSeries s = source.fetch(good, MetricScope.serverGroup("local", null, "hello-prod", "hello-prod-v002"),
                new TimeWindow(T0, T0.plusSeconds(120), Duration.ofMinutes(1)));
        assertThat(s.size()).isEqualTo(3);

        assertThatThrownBy(() -> sources.forQuery(new MetricQuery("promethus", Map.of()), "metrics[1]"))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                    assertThat(e.field()).isEqualTo("metrics[1].source");
                    assertThat(e.getMessage()).contains("promethus").contains("recording");
                });
        assertThatThrownBy(() -> sources.forQuery(new MetricQuery("recording", Map.of()), "metrics[2]"))
                .isInstanceOfSatisfying(ClusterDeployException.class,
                        e -> assertThat(e.field()).isEqualTo("metrics[2].query.metric"));
        assertThatThrownBy(() -> MetricSources.of(List.of(new Recording(), new Recording())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void queryFieldsAreImmutableCopiesWithPlainStrings() {
        Map<String, Object> raw = new java.util.HashMap<>();
        raw.put("labels", new java.util.ArrayList<>(List.of(new StringBuilder("a"))));
        MetricQuery q = new MetricQuery("recording", raw);
        raw.put("extra", 1);
        assertThat(q.fields()).containsOnlyKeys("labels");
        assertThat(q.fields().get("labels")).isEqualTo(List.of("a"));
        assertThatThrownBy(() -> q.fields().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }
}
