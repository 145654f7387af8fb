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

    /**
     * True for a step that only waits for the cloud and changes nothing, in the cloud or in the context (a health
     * gate): run again, it ends as it did. Its end is then not forced to disk on its own but stored with the next
     * step's first save (the intent that step records before it acts, or its end), which takes one forced write off
     * the path from the wait's end to the next action. A crash before that save resumes at this step, which passes
     * again at once while what it waited for still holds.
     */
    default boolean changesNothing() {
        return false;
    }

    /**
     * True for a step that always saves its intent (a checkpoint, forced) before it first changes the cloud, as
     * createServerGroup records the new group's name. When such a step is an operation's first and starts at once,
     * the acceptance is written without waiting for the disk: that checkpoint, a few milliseconds later, forces the
     * operation to disk before anything of it has happened, and a power cut before it loses an operation that
     * changed nothing. A process crash loses nothing either way.
     */
    default boolean recordsBeforeActing() {
        return false;
    }
}
