package io.clusterdeploy.engine.plan;

import io.clusterdeploy.engine.operation.Phase;
import java.util.List;

/**
 * One step of a plan: what it would change and what it would depend on.
 *
 * @param name      the step's timeline name
 * @param phase     main, or rollback when it would undo a failure
 * @param actions   the cloud changes it would make, in order
 * @param checks    the conditions it would check or wait for
 * @param message   what the step would report, or why it would fail
 * @param fails     true when the step would fail
 */
public record PlannedStep(String name, Phase phase, List<PlannedAction> actions, List<PlanCheck> checks,
                          String message, boolean fails) {
    public PlannedStep {
        actions = List.copyOf(actions);
        checks = List.copyOf(checks);
    }
}
