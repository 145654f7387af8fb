package io.clusterdeploy.engine.operation;

/**
 * One named, idempotent unit of an operation. Running a step again after a crash must converge
 * to the same result: steps look at the cloud and at their context before they act.
 *
 * <p>A step's timeline name comes from its class ({@code DisablePreviousServerGroupsStep} runs as
 * {@code disablePreviousServerGroups}), with its {@link #parameter()} in brackets when it has one
 * ({@code waitForHealthy(50%)}): {@link StepName} builds every name.
 */
public interface OperationStep {

    /** What tells this step apart from other steps of its class in one operation, e.g. {@code 50%}; or null. */
    default String parameter() {
        return null;
    }

    default String name() {
        return StepName.of(getClass(), parameter());
    }

    /**
     * Does the work; returns a short description of what it did for the timeline. When the operation is
     * being planned the same code runs against a simulated cloud (see {@link OperationContext#planning()}).
     */
    String run(OperationContext ctx) throws InterruptedException;
}
