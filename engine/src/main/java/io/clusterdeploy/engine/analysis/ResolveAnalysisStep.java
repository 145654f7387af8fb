package io.clusterdeploy.engine.analysis;

import io.clusterdeploy.engine.canary.source.MetricScope;
import io.clusterdeploy.engine.canary.source.TimeWindow;
import io.clusterdeploy.engine.operation.OperationContext;
import io.clusterdeploy.engine.operation.OperationStep;
import io.clusterdeploy.engine.provider.Accounts;

/**
 * Fixes what the analysis is about, once: the window (a lifetime starts now) and the server group each scope
 * names (a cluster's {@code current} group is the one that is current now). Recorded in the context before the
 * analysis waits, so a resumed analysis judges the same groups over the same window.
 */
final class ResolveAnalysisStep implements OperationStep {
    private final AnalysisScope control;
    private final AnalysisScope experiment;
    private final AnalysisWindow window;
    private final Accounts accounts;

    ResolveAnalysisStep(AnalysisScope control, AnalysisScope experiment, AnalysisWindow window, Accounts accounts) {
        this.control = control;
        this.experiment = experiment;
        this.window = window;
        this.accounts = accounts;
    }

    @Override
    public String run(OperationContext ctx) {
        if (ctx.get(AnalysisKeys.WINDOW) == null) {
            TimeWindow w = window.resolve(ctx.now());
            boolean live = w.end().isAfter(ctx.now());
            ctx.put(AnalysisKeys.CONTROL, AnalysisScope.toMap(control.resolve(accounts.get(control.account()), live)));
            ctx.put(AnalysisKeys.EXPERIMENT,
                    AnalysisScope.toMap(experiment.resolve(accounts.get(experiment.account()), live)));
            ctx.put(AnalysisKeys.WINDOW, AnalysisWindow.toMap(w));
            ctx.checkpoint();
        }
        TimeWindow w = AnalysisWindow.fromMap(ctx.get(AnalysisKeys.WINDOW));
        MetricScope c = AnalysisScope.fromMap(ctx.get(AnalysisKeys.CONTROL));
        MetricScope e = AnalysisScope.fromMap(ctx.get(AnalysisKeys.EXPERIMENT));
        return "baseline " + c.name() + ", canary " + e.name() + ", from " + w.start() + " to " + w.end() + " every "
                + w.step();
    }
}
