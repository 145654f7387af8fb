package io.clusterdeploy.engine.canary.report;

/** What the summary score rests on. */
public enum SummaryBasis {
    /** A critical metric failed: score 0. */
    CRITICAL_FAILURE,
    /** Half or more of the scored metrics have no data: score 0. */
    TOO_MANY_NODATA,
    /** The weighted sum of the group scores. */
    GROUP_SCORES
}
