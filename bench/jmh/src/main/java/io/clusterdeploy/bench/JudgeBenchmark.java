package io.clusterdeploy.bench;

import io.clusterdeploy.engine.canary.config.CanaryConfig;
import io.clusterdeploy.engine.canary.config.CanaryConfigParser;
import io.clusterdeploy.engine.canary.judge.CanaryJudge;
import io.clusterdeploy.engine.canary.judge.MetricPair;
import io.clusterdeploy.engine.canary.report.CanaryReport;
import io.clusterdeploy.engine.canary.source.TimeSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One canary analysis as issue 11 sizes it: 100 metrics, 1,440 points (a day of minutes) on each
 * side, judged on one thread. The metrics mix what canaries measure: log-normal latencies (40),
 * sparse error counts with many ties (30), CPU percentages rounded to 0.1 (20) and request rates
 * (10); a fifth of them shifted so that every classification path runs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 10, time = 1)
public class JudgeBenchmark {
    static final int METRICS = 100;
    static final int POINTS = 1440;

    private final CanaryJudge judge = new CanaryJudge();
    private CanaryConfig config;
    private Map<String, MetricPair> data;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(11);
        List<Map<String, Object>> metrics = new ArrayList<>();
        data = new LinkedHashMap<>();
        for (int i = 0; i < METRICS; i++) {
            String kind = i < 40 ? "latency" : i < 70 ? "errors" : i < 90 ? "cpu" : "requests";
            String name = kind + "-" + i;
            Map<String, Object> metric = new LinkedHashMap<>();
            metric.put("name", name);
            metric.put("query", name);
            metric.put("group", kind);
            metric.put("direction", kind.equals("requests") ? "decrease" : "increase");
            if (kind.equals("latency")) {
                metric.put("outliers", "remove");
                metric.put("effectSize", Map.of("allowedIncrease", 1.1));
            }
            if (kind.equals("errors")) {
                metric.put("nanStrategy", "replace");
            }
            metrics.add(metric);
            double shift = i % 5 == 0 ? 1.15 : 1.0;
            data.put(name, new MetricPair(series(random, kind, shift), series(random, kind, 1.0)));
        }
        config = CanaryConfigParser.parse(Map.of("source", "local", "metrics", metrics,
                "groupWeights", Map.of("latency", 40, "errors", 30, "cpu", 20, "requests", 10)));
    }

    static TimeSeries series(SplittableRandom random, String kind, double shift) {
        double[] v = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            v[i] = switch (kind) {
                case "latency" -> 0.120 * shift * Math.exp(0.25 * random.nextGaussian());
                case "errors" -> poisson(random, 0.3 * shift);
                case "cpu" -> Math.round(10 * Math.min(100, Math.max(0, 40 * shift + 8 * random.nextGaussian()))) / 10.0;
                default -> 500 / shift + 25 * random.nextGaussian();
            };
        }
        return TimeSeries.regular(Instant.parse("2024-06-03T00:00:00Z"), Duration.ofMinutes(1), v);
    }

    static double poisson(SplittableRandom random, double rate) {
        double limit = Math.exp(-rate);
        double p = random.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= random.nextDouble();
            k++;
        }
        return k;
    }

    @Benchmark
    public CanaryReport judge100MetricsOf1440Points() {
        return judge.judge(config, data);
    }
}
