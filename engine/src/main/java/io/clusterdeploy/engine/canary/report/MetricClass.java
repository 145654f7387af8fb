package io.clusterdeploy.engine.canary.report;

/** The classification of one metric, with Kayenta's labels. */
public enum MetricClass {
    /** No significant change beyond what the config allows. */
    PASS("Pass"),
    /** The canary is significantly higher, beyond the allowed increase. */
    HIGH("High"),
    /** The canary is significantly lower, beyond the allowed decrease. */
    LOW("Low"),
    /** A side has no data; not scored. */
    NODATA("Nodata"),
    /** A side has no data and the metric must have data: scored as a failure. */
    NODATA_FAILURE("NodataFailure"),
    /** The metric could not be judged; scored as a failure. */
    ERROR("Error");

    private final String label;

    MetricClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
