package io.clusterdeploy.engine.analysis;

import io.clusterdeploy.engine.canary.report.CanaryReport;
import io.clusterdeploy.engine.canary.source.MetricScope;
import io.clusterdeploy.engine.canary.source.TimeWindow;
import io.clusterdeploy.engine.operation.OperationContext;
import io.clusterdeploy.engine.operation.OperationStep;

/**
 * Reads every metric of the config for the baseline and the canary from its source, judges them, and keeps the
 * report in the context under {@link AnalysisKeys#RESULT}. A source that fails fails the step with its message:
 * the analysis then has no result, never a pass. A plan lists the reads instead of making them.
 */
final class JudgeCanaryStep implements OperationStep {
    private final CanaryJudgement judgement;

    JudgeCanaryStep(CanaryJudgement judgement) {
        this.judgement = judgement;
    }

    @Override
    public String run(OperationContext ctx) throws InterruptedException {
        TimeWindow window = AnalysisWindow.fromMap(ctx.get(AnalysisKeys.WINDOW));
        MetricScope control = AnalysisScope.fromMap(ctx.get(AnalysisKeys.CONTROL));
        MetricScope experiment = AnalysisScope.fromMap(ctx.get(AnalysisKeys.EXPERIMENT));
        if (ctx.planning()) {
            try {
                ctx.call(judgement.planned(control, experiment, window), () -> { });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return "judges against pass " + CanaryJudgement.number(judgement.thresholds().pass()) + ", marginal "
                    + CanaryJudgement.number(judgement.thresholds().marginal()) + " once the sources answer";
        }
        CanaryReport report = judgement.judge(ctx, control, experiment, window);
        ctx.put(AnalysisKeys.RESULT, CanaryJudgement.result(report));
        return report.classification().label() + ", score " + CanaryJudgement.number(report.score()) + ": "
                + report.reason();
    }
}
