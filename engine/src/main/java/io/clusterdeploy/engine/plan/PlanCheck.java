package io.clusterdeploy.engine.plan;

/**
 * A condition a planned operation depends on.
 *
 * @param kind        what kind of condition
 * @param description the condition, in words
 * @param verdict     how it stands in the plan
 */
public record PlanCheck(Kind kind, String description, Verdict verdict) {

    public enum Kind {
        /** A traffic guard's verdict on a change. */
        TRAFFIC_GUARD,
        /** A health precondition checked right before traffic moves. */
        HEALTH,
        /** A wait that a run polls until it holds (instances up, capacity reached). */
        WAIT,
        /** A fixed delay. */
        DELAY,
        /** A call outside the cloud (a validation hook). */
        CALL
    }

    public enum Verdict {
        /** Holds in the plan. */
        PASSES,
        /** Does not hold: the operation would fail here. */
        FAILS,
        /** Cannot be known before the run (instances becoming healthy, a hook's answer). */
        AT_RUN_TIME
    }
}
