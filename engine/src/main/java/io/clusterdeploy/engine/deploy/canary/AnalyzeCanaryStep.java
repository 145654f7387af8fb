package io.clusterdeploy.engine.deploy.canary;

import io.clusterdeploy.engine.analysis.CanaryJudgement;
import io.clusterdeploy.engine.canary.report.CanaryReport;
import io.clusterdeploy.engine.canary.source.MetricScope;
import io.clusterdeploy.engine.canary.source.TimeWindow;
import io.clusterdeploy.engine.deploy.CanarySettings;
import io.clusterdeploy.engine.deploy.DeployRequest;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.OperationContext;
import io.clusterdeploy.engine.operation.OperationStep;
import io.clusterdeploy.engine.provider.CloudProvider;
import io.clusterdeploy.engine.provider.ClusterGroups;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Judges the canary against the baseline, interval by interval, as Spinnaker's canary stage does: the analysis
 * begins after the warmup and runs for the lifetime; each interval is judged over everything since the start (or
 * over its last {@code lookback}); a score at or below marginal ends the canary at once as failed; at the end the
 * last score decides (a pass promotes, a marginal score does what {@code onMarginal} says).
 *
 * <p>The start and every judged interval are persisted as they happen, so a run resumed after a restart neither
 * restarts the lifetime nor judges an interval twice: it waits only for what is left.
 */
public final class AnalyzeCanaryStep implements OperationStep {
    private final DeployRequest request;
    private final CanaryJudgement judgement;

    public AnalyzeCanaryStep(DeployRequest request, CanaryJudgement judgement) {
        this.request = request;
        this.judgement = judgement;
    }

    @Override
    public String run(OperationContext ctx) throws InterruptedException {
        CanarySettings settings = request.canary();
        CanaryRecord record = CanaryRecord.of(ctx);
        Instant start = start(ctx, record, settings);
        MetricScope control = scope(CanarySide.BASELINE, record);
        MetricScope experiment = scope(CanarySide.CANARY, record);
        List<Object> intervals = record.list(CanaryRecord.INTERVALS);
        int count = settings.intervals();
        for (int i = intervals.size() + 1; i <= count; i++) {
            Instant end = start.plus(settings.endOf(i));
            Duration left = Duration.between(ctx.now(), end);
            if (ctx.planning()) {
                // A plan shows each wait as a run would make it from the start: the warmup, then the intervals.
                ctx.sleep(i == 1 ? settings.warmup().plus(settings.endOf(1))
                        : settings.endOf(i).minus(settings.endOf(i - 1)));
            } else if (left.compareTo(Duration.ZERO) > 0) {
                ctx.sleep(left);
            }
            Instant from = settings.lookback().isZero() || end.minus(settings.lookback()).isBefore(start) ? start
                    : end.minus(settings.lookback());
            TimeWindow window = new TimeWindow(from, end, settings.step());
            if (ctx.planning()) {
                plan(ctx, judgement.planned(control, experiment, window));
                continue;
            }
            CanaryReport report = judgement.judge(ctx, control, experiment, window);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("index", i);
            entry.put("start", from.toString());
            entry.put("end", end.toString());
            entry.put("score", report.score());
            entry.put("classification", report.classification().label());
            entry.put("reason", report.reason());
            intervals.add(entry);
            Map<String, Object> traffic = record.object(CanaryRecord.TRAFFIC);
            served(ctx.provider(), record, start, end).ifPresent(s -> traffic.put("served", s));
            Map<String, Object> update = new LinkedHashMap<>();
            update.put(CanaryRecord.INTERVALS, intervals);
            update.put(CanaryRecord.REPORT, CanaryJudgement.result(report));
            update.put(CanaryRecord.TRAFFIC, traffic);
            record.putAll(update);
            if (report.score() <= settings.thresholds().marginal()) {
                throw fail(record, "interval " + i + " of " + count + " scored " + CanaryJudgement.number(report.score())
                        + ", at or below marginal " + CanaryJudgement.number(settings.thresholds().marginal()) + ": "
                        + report.reason());
            }
        }
        if (ctx.planning()) {
            return "judges " + count + " interval(s) against pass " + CanaryJudgement.number(settings.thresholds().pass())
                    + ", marginal " + CanaryJudgement.number(settings.thresholds().marginal())
                    + "; the plan goes on as if the canary passed";
        }
        return decide(record, settings, count);
    }

    private static void plan(OperationContext ctx, String reads) throws InterruptedException {
        try {
            ctx.call(reads, () -> { });
        } catch (InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** When the analysis begins: fixed at the first run, after the warmup. */
    private static Instant start(OperationContext ctx, CanaryRecord record, CanarySettings settings) {
        Map<String, Object> analysis = record.object(CanaryRecord.ANALYSIS);
        Object recorded = analysis.get("start");
        if (recorded != null) {
            return Instant.parse(recorded.toString());
        }
        Instant start = ctx.now().plus(settings.warmup());
        analysis.put("start", start.toString());
        analysis.put("end", start.plus(settings.lifetime()).toString());
        analysis.put("warmup", settings.warmup().toString());
        analysis.put("lifetime", settings.lifetime().toString());
        analysis.put("interval", settings.interval().toString());
        analysis.put("lookback", settings.lookback().toString());
        analysis.put("step", settings.step().toString());
        analysis.put("intervals", settings.intervals());
        analysis.put("thresholds", Map.of("pass", settings.thresholds().pass(),
                "marginal", settings.thresholds().marginal()));
        analysis.put("onMarginal", settings.onMarginal().id());
        record.put(CanaryRecord.ANALYSIS, analysis);
        return start;
    }

    private MetricScope scope(CanarySide side, CanaryRecord record) {
        return MetricScope.serverGroup(request.account(), request.location(), side.cluster(request).clusterName(),
                record.string(side.recordKey()));
    }

    /** The requests each side answered since the start, where the cloud counts them: the share actually served. */
    private java.util.Optional<Map<String, Object>> served(CloudProvider provider, CanaryRecord record, Instant from,
                                                           Instant to) {
        OptionalLong baseline = provider.requestsServed(request.location(), record.string(CanaryRecord.BASELINE), from,
                to);
        OptionalLong canary = provider.requestsServed(request.location(), record.string(CanaryRecord.CANARY), from, to);
        if (baseline.isEmpty() || canary.isEmpty()) {
            return java.util.Optional.empty();
        }
        long production = 0;
        for (ServerGroup sg : ClusterGroups.of(provider, request.location(), request.clusterName())) {
            OptionalLong n = provider.requestsServed(request.location(), sg.name(), from, to);
            if (n.isEmpty()) {
                return java.util.Optional.empty();
            }
            production += n.getAsLong();
        }
        long total = production + baseline.getAsLong() + canary.getAsLong();
        Map<String, Object> served = new LinkedHashMap<>();
        served.put("from", from.toString());
        served.put("to", to.toString());
        served.put("production", production);
        served.put("baseline", baseline.getAsLong());
        served.put("canary", canary.getAsLong());
        served.put("baselinePercent", total == 0 ? null : Math.round(1000.0 * baseline.getAsLong() / total) / 10.0);
        served.put("canaryPercent", total == 0 ? null : Math.round(1000.0 * canary.getAsLong() / total) / 10.0);
        return java.util.Optional.of(served);
    }

    private static String decide(CanaryRecord record, CanarySettings settings, int count) {
        List<Object> intervals = record.list(CanaryRecord.INTERVALS);
        Map<?, ?> last = (Map<?, ?>) intervals.get(intervals.size() - 1);
        double score = ((Number) last.get("score")).doubleValue();
        String scored = "the last of " + count + " interval(s) scored " + CanaryJudgement.number(score);
        if (score >= settings.thresholds().pass()) {
            return promote(record, scored + ", at or above pass " + CanaryJudgement.number(settings.thresholds().pass()));
        }
        String marginal = scored + ", between marginal " + CanaryJudgement.number(settings.thresholds().marginal())
                + " and pass " + CanaryJudgement.number(settings.thresholds().pass());
        if (settings.onMarginal() == CanarySettings.OnMarginal.PROMOTE) {
            return promote(record, marginal + "; onMarginal is promote");
        }
        throw fail(record, marginal + "; onMarginal is fail");
    }

    private static String promote(CanaryRecord record, String reason) {
        record.putAll(Map.of(CanaryRecord.DECISION, "promote", CanaryRecord.REASON, reason));
        return "canary passed: " + reason;
    }

    /** Records the decision; the error thrown fails the step, and the strategy's rollback destroys both groups. */
    private static ClusterDeployException fail(CanaryRecord record, String reason) {
        record.putAll(Map.of(CanaryRecord.DECISION, "fail", CanaryRecord.REASON, reason));
        return new ClusterDeployException(ErrorKind.CONFLICT, null, "canary failed: " + reason);
    }
}
