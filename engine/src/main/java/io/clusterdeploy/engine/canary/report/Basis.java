package io.clusterdeploy.engine.canary.report;

/** What a metric's classification rests on; with the report's numbers it makes the reason. */
public enum Basis {
    /** The canary has no data (no points, or all missing). */
    NO_CANARY_DATA,
    /** The baseline has no data. */
    NO_BASELINE_DATA,
    /** Neither side has data. */
    NO_DATA,
    /** A side holds an infinite value, which has no rank. */
    INFINITE_VALUES,
    /** Both sides hold the same values. */
    IDENTICAL,
    /** Every value of both sides is the same single value. */
    SINGLE_VALUE,
    /** The Mann-Whitney comparison decided. */
    COMPARED,
    /** Classification failed with an exception. */
    FAILED
}
