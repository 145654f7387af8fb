package io.clusterdeploy.engine.analysis;

import io.clusterdeploy.engine.canary.config.CanaryConfig;
import io.clusterdeploy.engine.canary.config.MetricConfig;
import io.clusterdeploy.engine.canary.config.ScoreThresholds;
import io.clusterdeploy.engine.canary.judge.CanaryJudge;
import io.clusterdeploy.engine.canary.judge.MetricPair;
import io.clusterdeploy.engine.canary.report.CanaryReport;
import io.clusterdeploy.engine.canary.report.ReportJson;
import io.clusterdeploy.engine.canary.source.MetricScope;
import io.clusterdeploy.engine.canary.source.MetricSource;
import io.clusterdeploy.engine.canary.source.MetricSources;
import io.clusterdeploy.engine.canary.source.TimeSeries;
import io.clusterdeploy.engine.canary.source.TimeWindow;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.operation.OperationContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One judgement of a canary against its baseline over a window: every metric of the config read from its source,
 * then judged. Used by the canaryAnalysis operation and by each interval of a canary deploy. A source that fails
 * fails the judgement with its message: never a pass without data.
 */
public final class CanaryJudgement {
    private static final CanaryJudge JUDGE = new CanaryJudge();

    private final CanaryConfig config;
    private final ScoreThresholds thresholds;
    private final MetricSources sources;

    public CanaryJudgement(CanaryConfig config, ScoreThresholds thresholds, MetricSources sources) {
        this.config = config;
        this.thresholds = thresholds;
        this.sources = sources;
    }

    /** Checks every metric's query against its source, naming {@code field.metrics[i]}; reads nothing. */
    public void validate(String field) {
        for (int i = 0; i < config.metrics().size(); i++) {
            sources.forQuery(config.metrics().get(i).query(), field + ".metrics[" + i + "]");
        }
    }

    public ScoreThresholds thresholds() {
        return thresholds;
    }

    /** What a plan says instead of reading: which metrics, from where, for whom. */
    public String planned(MetricScope control, MetricScope experiment, TimeWindow window) {
        TreeSet<String> types = new TreeSet<>();
        config.metrics().forEach(m -> types.add(m.query().source()));
        return "reads " + config.metrics().size() + " metric(s) from " + String.join(", ", types)
                + " for the baseline " + control.name() + " and the canary " + experiment.name() + ", "
                + window.points() + " step(s) of " + window.step() + " from " + window.start() + " to " + window.end();
    }

    /** Reads and judges; cancellable between reads. */
    public CanaryReport judge(OperationContext ctx, MetricScope control, MetricScope experiment, TimeWindow window) {
        Map<String, MetricPair> data = new LinkedHashMap<>();
        List<MetricConfig> metrics = config.metrics();
        for (int i = 0; i < metrics.size(); i++) {
            MetricConfig m = metrics.get(i);
            String field = "config.metrics[" + i + "]";
            MetricSource source = sources.forQuery(m.query(), field);
            TimeSeries canary = fetch(ctx, source, m, field, experiment, "canary", window);
            TimeSeries baseline = fetch(ctx, source, m, field, control, "baseline", window);
            data.put(m.name(), new MetricPair(canary, baseline));
        }
        return JUDGE.judge(config, thresholds, data);
    }

    /** The result as an operation keeps it: score, class, reason and the whole report. */
    public static Map<String, Object> result(CanaryReport report) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("score", report.score());
        result.put("classification", report.classification().label());
        result.put("reason", report.reason());
        result.put("report", ReportJson.toMap(report));
        return result;
    }

    private static TimeSeries fetch(OperationContext ctx, MetricSource source, MetricConfig m, String field,
                                    MetricScope scope, String side, TimeWindow window) {
        ctx.checkCancelled();
        String what = field + " '" + m.name() + "' from " + m.query().source() + " for the " + side + " "
                + scope.name();
        TimeSeries series;
        try {
            series = source.fetch(m.query(), scope, window);
        } catch (ClusterDeployException e) {
            String inner = e.field() == null ? null
                    : e.kind() == ErrorKind.INVALID_INPUT ? field + "." + e.field() : e.field();
            throw new ClusterDeployException(e.kind(), inner, what + " failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new ClusterDeployException(ErrorKind.UNAVAILABLE, null, what + " failed: " + message, e);
        }
        if (series == null) {
            throw new ClusterDeployException(ErrorKind.INTERNAL, null, what + ": the source returned no series");
        }
        return series;
    }

    /** A score as people write it: 75, not 75.0. */
    public static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
