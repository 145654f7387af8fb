package io.clusterdeploy.engine.plan;

import io.clusterdeploy.engine.operation.ErrorInfo;
import io.clusterdeploy.engine.operation.OperationTarget;
import java.util.List;

/**
 * What an operation would do, step by step, computed by running its own steps against a simulated copy of
 * the cloud (see {@link Planner}). Waits are assumed to end well (instances become healthy) and are listed as
 * checks decided at run time; traffic guards and health preconditions are decided on the simulated cluster.
 *
 * @param type        operation type
 * @param target      where it would act
 * @param outcome     how it would end
 * @param error       why it would be refused or fail, or null
 * @param steps       the main steps, then the rollback steps a failure would run
 * @param fingerprint digest of the cloud state the plan was made from: equal fingerprints, equal plans
 */
public record Plan(String type, OperationTarget target, Outcome outcome, ErrorInfo error, List<PlannedStep> steps,
                   String fingerprint) {

    public enum Outcome {
        /** Every step would succeed, given the checks decided at run time. */
        SUCCEEDS,
        /** A step would fail; the rollback steps that would follow are in the plan. */
        FAILS,
        /** The operation would be refused before it starts (a traffic guard). */
        REFUSED
    }

    public Plan {
        steps = List.copyOf(steps);
    }

    /** Every cloud change of the main phase, in order. */
    public List<PlannedAction> actions() {
        return steps.stream().filter(s -> s.phase() == io.clusterdeploy.engine.operation.Phase.MAIN)
                .flatMap(s -> s.actions().stream()).toList();
    }
}
