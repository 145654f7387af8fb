package io.clusterdeploy.engine.canary.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.canary.config.CanaryConfig;
import io.clusterdeploy.engine.canary.config.CanaryConfigParser;
import io.clusterdeploy.engine.canary.config.ScoreThresholds;
import io.clusterdeploy.engine.canary.report.CanaryReport;
import io.clusterdeploy.engine.canary.report.GroupReport;
import io.clusterdeploy.engine.canary.report.MetricClass;
import io.clusterdeploy.engine.canary.report.SummaryBasis;
import io.clusterdeploy.engine.canary.report.Verdict;
import io.clusterdeploy.engine.canary.source.TimeSeries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanaryJudgeTest {
    private final CanaryJudge judge = new CanaryJudge();

    private static final TimeSeries BASELINE = Series.latency(1, 600, 100, 0.2);
    private static final TimeSeries SAME = Series.latency(3, 600, 100, 0.2);
    private static final TimeSeries SLOWER = Series.latency(2, 600, 140, 0.2);
    private static final TimeSeries MISSING = Series.constant(600, Double.NaN);

    /** Metrics named "group/name", with extra settings per metric. */
    static CanaryConfig config(Map<String, Object> weights, List<Map<String, Object>> metrics) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("source", "local");
        config.put("metrics", metrics);
        if (weights != null) {
            config.put("groupWeights", weights);
        }
        return CanaryConfigParser.parse(config);
    }

    static Map<String, Object> metric(String group, String name, Map<String, Object> settings) {
        Map<String, Object> m = new LinkedHashMap<>(settings);
        m.put("name", name);
        m.put("query", name);
        m.put("group", group);
        return m;
    }

    static Map<String, Object> metric(String group, String name) {
        return metric(group, name, Map.of());
    }

    static Map<String, MetricPair> data(Object... nameCanaryBaseline) {
        Map<String, MetricPair> data = new LinkedHashMap<>();
        for (int i = 0; i < nameCanaryBaseline.length; i += 3) {
            data.put((String) nameCanaryBaseline[i],
                    new MetricPair((TimeSeries) nameCanaryBaseline[i + 1], (TimeSeries) nameCanaryBaseline[i + 2]));
        }
        return data;
    }

    @Test
    void everythingPassingScores100() {
        CanaryConfig c = config(null, List.of(metric("latency", "p50"), metric("errors", "5xx")));
        CanaryReport r = judge.judge(c, data("p50", SAME, BASELINE, "5xx", Series.constant(600, 0),
                Series.constant(600, 0)));
        assertThat(r.score()).isEqualTo(100);
        assertThat(r.classification()).isEqualTo(Verdict.PASS);
        assertThat(r.basis()).isEqualTo(SummaryBasis.GROUP_SCORES);
        assertThat(r.groups()).extracting(GroupReport::weight).containsExactly(50.0, 50.0);
    }

    @Test
    void groupWeightsWeighTheGroupScores() {
        CanaryConfig c = config(Map.of("latency", 70, "errors", 30),
                List.of(metric("latency", "p50"), metric("latency", "p99"), metric("errors", "5xx")));
        CanaryReport r = judge.judge(c, data("p50", SLOWER, BASELINE, "p99", SAME, BASELINE,
                "5xx", SAME, BASELINE));
        GroupReport latency = r.groups().get(0);
        assertThat(latency.score()).isEqualTo(50);
        assertThat(latency.count(MetricClass.HIGH)).isEqualTo(1);
        assertThat(latency.count(MetricClass.PASS)).isEqualTo(1);
        assertThat(r.score()).isEqualTo(0.7 * 50 + 30);
        assertThat(r.classification()).isEqualTo(Verdict.MARGINAL);
    }

    @Test
    void theScoreIsRoundedToTwoDecimalsAndClassifiedAgainstTheThresholds() {
        CanaryConfig c = config(null, List.of(metric("g", "a"), metric("g", "b"), metric("g", "c")));
        CanaryReport r = judge.judge(c, data("a", SLOWER, BASELINE, "b", SAME, BASELINE, "c", SAME, BASELINE));
        assertThat(r.score()).isEqualTo(66.67);
        assertThat(r.classification()).isEqualTo(Verdict.MARGINAL);
        assertThat(judge.judge(c, new ScoreThresholds(60, 40), data("a", SLOWER, BASELINE, "b", SAME, BASELINE,
                "c", SAME, BASELINE)).classification()).isEqualTo(Verdict.PASS);
        assertThat(judge.judge(c, new ScoreThresholds(90, 70), data("a", SLOWER, BASELINE, "b", SAME, BASELINE,
                "c", SAME, BASELINE)).classification()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void aFailedCriticalMetricScoresZero() {
        CanaryConfig c = config(null, List.of(metric("latency", "p50", Map.of("critical", true)),
                metric("errors", "a"), metric("errors", "b")));
        CanaryReport r = judge.judge(c, data("p50", SLOWER, BASELINE, "a", SAME, BASELINE, "b", SAME, BASELINE));
        assertThat(r.score()).isZero();
        assertThat(r.classification()).isEqualTo(Verdict.FAIL);
        assertThat(r.basis()).isEqualTo(SummaryBasis.CRITICAL_FAILURE);
        assertThat(r.decidingMetric()).isEqualTo("p50");
        // Even thresholds of 0 cannot turn a critical failure into a pass.
        assertThat(judge.judge(c, new ScoreThresholds(0, 0), data("p50", SLOWER, BASELINE, "a", SAME, BASELINE,
                "b", SAME, BASELINE)).classification()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void halfTheMetricsWithoutDataScoresZero() {
        CanaryConfig c = config(null, List.of(metric("g", "a"), metric("g", "b"), metric("g", "c"), metric("g", "d")));
        CanaryReport r = judge.judge(c, data("a", SAME, MISSING, "b", SAME, TimeSeries.empty(),
                "c", SAME, BASELINE, "d", SAME, BASELINE));
        assertThat(r.nodata()).isEqualTo(2);
        assertThat(r.score()).isZero();
        assertThat(r.basis()).isEqualTo(SummaryBasis.TOO_MANY_NODATA);
        CanaryReport oneMissing = judge.judge(c, data("a", SAME, MISSING, "b", SAME, BASELINE,
                "c", SAME, BASELINE, "d", SAME, BASELINE));
        assertThat(oneMissing.score()).isEqualTo(100); // Nodata is not counted in the group
        assertThat(oneMissing.warnings()).anyMatch(w -> w.startsWith("a: no data from the baseline"));
    }

    @Test
    void mustHaveDataAndErrorsCountAsFailures() {
        CanaryConfig c = config(null, List.of(metric("g", "a", Map.of("mustHaveData", true)), metric("g", "b"),
                metric("g", "c"), metric("g", "d")));
        double[] infinite = SAME.values();
        infinite[3] = Double.POSITIVE_INFINITY;
        CanaryReport r = judge.judge(c, data("a", SAME, MISSING, "b", Series.of(infinite), BASELINE,
                "c", SAME, BASELINE, "d", SAME, BASELINE));
        assertThat(r.metric("a").classification()).isEqualTo(MetricClass.NODATA_FAILURE);
        assertThat(r.metric("b").classification()).isEqualTo(MetricClass.ERROR);
        assertThat(r.score()).isEqualTo(50);
    }

    @Test
    void mutedMetricsAreReportedButNotScored() {
        CanaryConfig c = config(null, List.of(metric("g", "a", Map.of("muted", true)), metric("g", "b")));
        CanaryReport r = judge.judge(c, data("a", SLOWER, BASELINE, "b", SAME, BASELINE));
        assertThat(r.metric("a").classification()).isEqualTo(MetricClass.HIGH);
        assertThat(r.score()).isEqualTo(100);
        assertThat(r.scored()).isEqualTo(1);
    }

    @Test
    void aGroupWithNothingCountedScores100() {
        CanaryConfig c = config(Map.of("g1", 50, "g2", 50), List.of(metric("g1", "a"), metric("g2", "b")));
        CanaryReport r = judge.judge(c, data("a", SAME, MISSING, "b", SLOWER, BASELINE));
        assertThat(r.groups().get(0).noData()).isTrue();
        assertThat(r.groups().get(0).score()).isEqualTo(100);
        assertThat(r.groups().get(1).score()).isZero();
        assertThat(r.score()).isZero(); // 1 of 2 metrics Nodata: 50% or more
    }

    @Test
    void aMetricInSeveralGroupsScoresInEach() {
        Map<String, Object> both = new LinkedHashMap<>(Map.of("name", "p50", "query", "p50",
                "groups", List.of("latency", "slo")));
        List<Map<String, Object>> metrics = new ArrayList<>(List.of(both, metric("latency", "p99")));
        CanaryConfig c = config(null, metrics);
        CanaryReport r = judge.judge(c, data("p50", SLOWER, BASELINE, "p99", SAME, BASELINE));
        assertThat(r.groups()).extracting(GroupReport::name).containsExactly("latency", "slo");
        assertThat(r.groups()).extracting(GroupReport::score).containsExactly(50.0, 0.0);
        assertThat(r.score()).isEqualTo(25);
    }

    @Test
    void theDataMustMatchTheConfig() {
        CanaryConfig c = config(null, List.of(metric("g", "a")));
        assertThatThrownBy(() -> judge.judge(c, Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a'");
        assertThatThrownBy(() -> judge.judge(c, data("a", SAME, BASELINE, "b", SAME, BASELINE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'b'");
    }
}
