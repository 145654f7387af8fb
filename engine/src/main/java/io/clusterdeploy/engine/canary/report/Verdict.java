package io.clusterdeploy.engine.canary.report;

/** The classification of the summary score against the score thresholds. */
public enum Verdict {
    PASS("Pass"),
    MARGINAL("Marginal"),
    FAIL("Fail");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
