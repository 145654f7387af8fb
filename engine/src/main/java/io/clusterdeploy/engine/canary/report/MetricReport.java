package io.clusterdeploy.engine.canary.report;

import io.clusterdeploy.engine.canary.config.MetricConfig;
import java.util.List;
import java.util.Objects;

/**
 * The judgement of one metric: its class, both sides, the comparison and the warnings. The reason
 * sentence is formatted from these fields, never from numbers of its own.
 *
 * @param config          the metric's config (direction, thresholds, critical, muted)
 * @param classification  Pass, High, Low, Nodata, NodataFailure or Error
 * @param basis           what the classification rests on
 * @param criticalFailure a critical metric that failed: the analysis scores 0
 * @param canary          the canary's side
 * @param baseline        the baseline's side
 * @param comparison      present when basis is {@link Basis#COMPARED}, else null
 * @param warnings        things the reader should know (too few points, replaced gaps, …)
 * @param error           the failure's message when basis is {@link Basis#FAILED}, else null
 */
public record MetricReport(MetricConfig config, MetricClass classification, Basis basis, boolean criticalFailure,
                           SeriesSummary canary, SeriesSummary baseline, Comparison comparison,
                           List<String> warnings, String error) {
    public MetricReport {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(basis, "basis");
        warnings = List.copyOf(warnings);
        if ((basis == Basis.COMPARED) != (comparison != null)) {
            throw new IllegalArgumentException("a comparison goes with basis COMPARED only");
        }
    }

    public String name() {
        return config.name();
    }

    /** One sentence saying why the metric has its class. */
    public String reason() {
        return Reasons.of(this);
    }

    /**
     * A shift as a fraction of the baseline's mean, the unit the reason uses for the interval;
     * NaN where the baseline's mean is not positive (the reason then uses the metric's units).
     */
    public double relativeToBaseline(double shift) {
        double mean = baseline == null ? Double.NaN : baseline.mean();
        return mean > 0 ? shift / mean : Double.NaN;
    }
}
