package io.clusterdeploy.engine.canary.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.canary.config.CanaryConfig;
import io.clusterdeploy.engine.canary.config.CanaryConfigParser;
import io.clusterdeploy.engine.canary.judge.CanaryJudge;
import io.clusterdeploy.engine.canary.judge.MetricPair;
import io.clusterdeploy.engine.canary.source.TimeSeries;
import io.clusterdeploy.engine.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ReportTest {
    private static final Instant START = Instant.parse("2024-06-03T10:00:00Z");

    static TimeSeries latency(long seed, int n, double median) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = median * Math.exp(0.2 * random.nextGaussian());
        }
        return TimeSeries.regular(START, Duration.ofMinutes(1), v);
    }

    private final CanaryConfig config = CanaryConfigParser.parse(Map.of(
            "source", "prometheus",
            "metrics", List.of(
                    Map.of("name", "latency p50", "query", "q1", "group", "latency", "direction", "increase",
                            "effectSize", Map.of("allowedIncrease", 1.1)),
                    Map.of("name", "errors", "query", "q2", "group", "errors"),
                    Map.of("name", "cpu", "query", "q3", "group", "saturation"))));

    private CanaryReport report() {
        double[] gappy = latency(5, 120, 50).values();
        gappy[7] = Double.NaN;
        return new CanaryJudge().judge(config, Map.of(
                "latency p50", new MetricPair(latency(2, 600, 128), latency(1, 600, 100)),
                "errors", new MetricPair(TimeSeries.regular(START, Duration.ofMinutes(1), gappy),
                        TimeSeries.regular(START, Duration.ofMinutes(1), new double[] {Double.NaN, Double.NaN})),
                "cpu", new MetricPair(latency(3, 30, 40), latency(4, 30, 40))));
    }

    @Test
    void theReasonIsFormattedFromTheReportsOwnNumbers() {
        CanaryReport report = report();
        Map<String, Object> json = ReportJson.toMap(report);
        @SuppressWarnings("unchecked")
        Map<String, Object> latency = ((List<Map<String, Object>>) json.get("metrics")).get(0);
        String reason = (String) latency.get("reason");
        Matcher m = Pattern.compile("latency p50 of the canary is (\\d+)% higher, 98% interval \\+(\\d+)%\\.\\.\\+(\\d+)%,"
                + " above the allowed increase of 10%").matcher(reason);
        assertThat(m.matches()).as(reason).isTrue();
        @SuppressWarnings("unchecked")
        Map<String, Object> effect = (Map<String, Object>) latency.get("effectSize");
        @SuppressWarnings("unchecked")
        Map<String, Object> interval = (Map<String, Object>) ((Map<String, Object>) latency.get("statistics")).get("interval");
        assertThat(Long.parseLong(m.group(1))).isEqualTo(Math.round(((Double) effect.get("meanRatio") - 1) * 100));
        assertThat(Long.parseLong(m.group(2))).isEqualTo(Math.round((Double) interval.get("relativeLower") * 100));
        assertThat(Long.parseLong(m.group(3))).isEqualTo(Math.round((Double) interval.get("relativeUpper") * 100));
        assertThat(latency.get("classification")).isEqualTo("High");
    }

    @Test
    void theJsonViewCarriesSeriesCountsAndWarnings() {
        CanaryReport report = report();
        Map<String, Object> json = ReportJson.toMap(report);
        assertThat(json.get("classification")).isEqualTo(report.classification().label());
        assertThat(json.get("score")).isEqualTo(report.score());
        assertThat((String) json.get("reason")).isEqualTo(report.reason());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> metrics = (List<Map<String, Object>>) json.get("metrics");
        Map<String, Object> errors = metrics.get(1);
        assertThat(errors.get("classification")).isEqualTo("Nodata");
        assertThat(errors).doesNotContainKey("statistics");
        @SuppressWarnings("unchecked")
        Map<String, Object> canary = (Map<String, Object>) errors.get("canary");
        assertThat(canary.get("points")).isEqualTo(120);
        assertThat(canary.get("missing")).isEqualTo(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> series = (Map<String, Object>) canary.get("series");
        assertThat((List<?>) series.get("timestamps")).hasSize(120).first().isEqualTo(START.toEpochMilli());
        assertThat((List<?>) series.get("values")).hasSize(120).element(7).isNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> baseline = (Map<String, Object>) errors.get("baseline");
        assertThat(baseline.get("mean")).isNull();
        assertThat((List<?>) errors.get("warnings")).isNotEmpty();
        Map<String, Object> cpu = metrics.get(2);
        assertThat((List<?>) cpu.get("warnings")).anyMatch(w -> w.toString().contains("30 points, fewer than the 50"));
        assertThat((List<?>) json.get("warnings")).anyMatch(w -> w.toString().startsWith("cpu: "));
        @SuppressWarnings("unchecked")
        Map<String, Object> withoutSeries = (Map<String, Object>) ((List<Map<String, Object>>) ReportJson
                .toMap(report, false).get("metrics")).get(0).get("canary");
        assertThat(withoutSeries).doesNotContainKey("series").containsEntry("points", 600);
        // Plain maps, lists, strings, numbers, booleans and nulls only: any JSON writer takes it.
        // (Read back, numbers are exact decimals rather than doubles: compare what they write.)
        String text = new Json().write(json);
        assertThat(new Json().write(new Json().readObject(text))).isEqualTo(text);
    }

    @Test
    void summaryReasonsSayWhatDecided() {
        CanaryReport report = report();
        assertThat(report.reason()).contains("score " + Reasons.number(report.score()));
        assertThat(Reasons.percent(0.28)).isEqualTo("28%");
        assertThat(Reasons.percent(0.034)).isEqualTo("3.4%");
        assertThat(Reasons.signedPercent(-0.0042)).isEqualTo("-0.42%");
        assertThat(Reasons.number(1234567)).isEqualTo("1235000");
        assertThat(Reasons.number(0.000123456)).isEqualTo("0.0001235");
    }
}
