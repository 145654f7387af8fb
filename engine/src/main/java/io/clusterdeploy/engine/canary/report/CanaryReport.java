package io.clusterdeploy.engine.canary.report;

import io.clusterdeploy.engine.canary.config.ScoreThresholds;
import java.util.List;
import java.util.Objects;

/**
 * The result of judging a canary against its baseline.
 *
 * @param score          the summary score, 0..100, rounded to two decimals
 * @param classification Pass, Marginal or Fail against the thresholds
 * @param basis          what the score rests on
 * @param decidingMetric the failed critical metric when basis is CRITICAL_FAILURE, else null
 * @param scored         metrics that are not muted
 * @param nodata         of those, the ones classified Nodata
 * @param thresholds     the thresholds the score was classified with
 * @param groups         per group its weight and score
 * @param metrics        per metric its judgement, in config order (muted ones included)
 */
public record CanaryReport(double score, Verdict classification, SummaryBasis basis, String decidingMetric,
                           int scored, int nodata, ScoreThresholds thresholds, List<GroupReport> groups,
                           List<MetricReport> metrics) {
    public CanaryReport {
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(thresholds, "thresholds");
        groups = List.copyOf(groups);
        metrics = List.copyOf(metrics);
    }

    /** One sentence on the score. */
    public String reason() {
        return Reasons.of(this);
    }

    public MetricReport metric(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no metric " + name));
    }

    /** Every metric's warnings, each prefixed with the metric's name. */
    public List<String> warnings() {
        return metrics.stream().flatMap(m -> m.warnings().stream().map(w -> m.name() + ": " + w)).toList();
    }
}
