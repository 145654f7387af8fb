package io.clusterdeploy.engine.operation;

/**
 * One named, idempotent unit of an operation. Running a step again after a crash must converge
 * to the same result: steps look at the cloud and at their context before they act.
 */
public interface Step {
    String name();

    /** Does the work; returns a short description of what it did for the timeline. */
    String run(StepContext ctx) throws InterruptedException;
}
