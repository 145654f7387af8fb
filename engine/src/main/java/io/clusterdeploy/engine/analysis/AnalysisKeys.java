package io.clusterdeploy.engine.analysis;

/**
 * Where a canary analysis keeps what it resolved and what it found, in the operation's context (so in
 * {@code GET /operations/{id}} too). Front ends read {@link #RESULT}.
 */
public final class AnalysisKeys {
    /** {@code {score, classification, reason, report}}: the report as {@code ReportJson.toMap} writes it. */
    public static final String RESULT = "canaryAnalysis";
    /** {@code {start, end, step}}, fixed when the analysis starts (a lifetime's start is then "now"). */
    public static final String WINDOW = "analysisWindow";
    /** {@code {account, location, cluster, serverGroup}}: the baseline the sources were asked about. */
    public static final String CONTROL = "controlScope";
    /** {@code {account, location, cluster, serverGroup}}: the canary the sources were asked about. */
    public static final String EXPERIMENT = "experimentScope";

    private AnalysisKeys() {
    }
}
