package io.clusterdeploy.engine.analysis;

import io.clusterdeploy.engine.canary.source.TimeWindow;
import io.clusterdeploy.engine.operation.OperationContext;
import io.clusterdeploy.engine.operation.OperationStep;
import java.time.Duration;

/**
 * Waits until the window has ended, through the context's cancellable sleep: a cancel ends the wait at once, and
 * after a restart the step runs again and waits only for what is left of the recorded window.
 */
final class WaitForWindowEndStep implements OperationStep {
    @Override
    public String run(OperationContext ctx) throws InterruptedException {
        TimeWindow w = AnalysisWindow.fromMap(ctx.get(AnalysisKeys.WINDOW));
        Duration left = Duration.between(ctx.now(), w.end());
        if (left.isNegative() || left.isZero()) {
            return "the window ended at " + w.end();
        }
        ctx.sleep(left);
        return "waited " + left.toSeconds() + "s for the window to end at " + w.end();
    }
}
