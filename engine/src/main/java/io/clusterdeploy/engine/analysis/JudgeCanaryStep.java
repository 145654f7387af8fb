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
import io.clusterdeploy.engine.operation.OperationStep;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads every metric of the config for the baseline and the canary from its source, judges them, and keeps the
 * report in the context under {@link AnalysisKeys#RESULT}. A source that fails fails the step with its message:
 * the analysis then has no result, never a pass. A plan lists the reads instead of making them.
 */
final class JudgeCanaryStep implements OperationStep {
    private static final CanaryJudge JUDGE = new CanaryJudge();

    private final CanaryConfig config;
    private final ScoreThresholds thresholds;
    private final MetricSources sources;

    JudgeCanaryStep(CanaryConfig config, ScoreThresholds thresholds, MetricSources sources) {
        this.config = config;
        this.thresholds = thresholds;
        this.sources = sources;
    }

    @Override
    public String run(OperationContext ctx) throws InterruptedException {
        TimeWindow window = AnalysisWindow.fromMap(ctx.get(AnalysisKeys.WINDOW));
        MetricScope control = AnalysisScope.fromMap(ctx.get(AnalysisKeys.CONTROL));
        MetricScope experiment = AnalysisScope.fromMap(ctx.get(AnalysisKeys.EXPERIMENT));
        if (ctx.planning()) {
            TreeSet<String> types = new TreeSet<>();
            config.metrics().forEach(m -> types.add(m.query().source()));
            try {
                ctx.call("reads " + config.metrics().size() + " metric(s) from " + String.join(", ", types)
                        + " for the baseline " + control.name() + " and the canary " + experiment.name() + ", "
                        + window.points() + " step(s) of " + window.step() + " from " + window.start() + " to "
                        + window.end(), () -> { });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return "judges " + config.metrics().size() + " metric(s) against pass " + number(thresholds.pass())
                    + ", marginal " + number(thresholds.marginal()) + " once the sources answer";
        }
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
        CanaryReport report = JUDGE.judge(config, thresholds, data);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("score", report.score());
        result.put("classification", report.classification().label());
        result.put("reason", report.reason());
        result.put("report", ReportJson.toMap(report));
        ctx.put(AnalysisKeys.RESULT, result);
        return report.classification().label() + ", score " + number(report.score()) + ": " + report.reason();
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

    private static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
