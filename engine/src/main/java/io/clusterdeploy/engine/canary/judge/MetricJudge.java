package io.clusterdeploy.engine.canary.judge;

import io.clusterdeploy.engine.canary.config.EffectSize;
import io.clusterdeploy.engine.canary.config.MetricConfig;
import io.clusterdeploy.engine.canary.report.Basis;
import io.clusterdeploy.engine.canary.report.Comparison;
import io.clusterdeploy.engine.canary.report.MetricClass;
import io.clusterdeploy.engine.canary.report.MetricReport;
import io.clusterdeploy.engine.canary.report.SeriesSummary;
import io.clusterdeploy.engine.canary.stats.MannWhitney;
import io.clusterdeploy.engine.canary.stats.MannWhitneyResult;
import io.clusterdeploy.engine.canary.stats.SortedSample;
import java.util.ArrayList;
import java.util.List;

/**
 * Classifies one metric, in the order of Kayenta's NetflixACAJudge: data cleaning (NaN strategy,
 * outliers), no data, identical data, then the Mann-Whitney comparison against the tolerance band
 * and the effect-size thresholds, then the critical thresholds. Stateless and thread-safe.
 *
 * <p>Where we differ from Kayenta: a side whose points are all missing is no data even with the
 * replace strategy (Kayenta passes it); infinite values and exceptions are Error, which scores as a
 * failure; two constant series are compared exactly instead of with random noise.
 */
public final class MetricJudge {
    /** The confidence level of the interval, as Kayenta's judge uses it. */
    public static final double CONFIDENCE_LEVEL = 0.98;
    /** The tolerance band around no change, as a fraction of |estimate|. */
    public static final double TOLERANCE = 0.25;

    public MetricReport judge(MetricConfig config, MetricPair data) {
        Side canary = null;
        Side baseline = null;
        List<String> warnings = new ArrayList<>();
        try {
            canary = Side.of(data.canary(), config.nanStrategy(), config.outliers());
            baseline = Side.of(data.baseline(), config.nanStrategy(), config.outliers());
            if (canary.infinite || baseline.infinite) {
                return new MetricReport(config, MetricClass.ERROR, Basis.INFINITE_VALUES, config.critical(),
                        canary.summary(), baseline.summary(), null, warnings, null);
            }
            if (!canary.hasData() || !baseline.hasData()) {
                return noData(config, canary, baseline, warnings);
            }
            noteCleaning("canary", canary, warnings);
            noteCleaning("baseline", baseline, warnings);
            noteFewPoints("canary", canary, config.minimumPoints(), warnings);
            noteFewPoints("baseline", baseline, config.minimumPoints(), warnings);

            SortedSample c = canary.sample;
            SortedSample b = baseline.sample;
            if (c.sameValuesAs(b)) {
                return pass(config, Basis.IDENTICAL, canary, baseline, warnings);
            }
            if (c.isConstant() && b.isConstant() && c.min() == b.min()) {
                return pass(config, Basis.SINGLE_VALUE, canary, baseline, warnings);
            }
            return compare(config, canary, baseline, warnings);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            SeriesSummary canarySummary = canary == null ? unread(data.canary()) : canary.summary();
            SeriesSummary baselineSummary = baseline == null ? unread(data.baseline()) : baseline.summary();
            return new MetricReport(config, MetricClass.ERROR, Basis.FAILED, config.critical(), canarySummary,
                    baselineSummary, null, warnings, message);
        }
    }

    private static MetricReport compare(MetricConfig config, Side canary, Side baseline, List<String> warnings) {
        SeriesSummary c = canary.summary();
        SeriesSummary b = baseline.summary();
        MannWhitneyResult test = MannWhitney.test(canary.sample, baseline.sample, CONFIDENCE_LEVEL);
        double meanRatio = b.mean() == 0 ? Double.NaN : c.mean() / b.mean();
        EffectSize thresholds = config.effectSize();
        Comparison comparison = new Comparison(test, TOLERANCE * Math.abs(test.estimate()), meanRatio, test.cles(),
                thresholds.measure());
        double effect = comparison.effectSize();
        // An effect size that cannot be computed (a baseline mean of 0) does not veto, as in Kayenta.
        boolean unknown = Double.isNaN(effect);
        boolean high = config.direction().judgesIncrease() && comparison.significantIncrease()
                && (unknown || effect >= thresholds.allowedIncrease());
        boolean low = !high && config.direction().judgesDecrease() && comparison.significantDecrease()
                && (unknown || effect <= thresholds.allowedDecrease());
        boolean criticalFailure = config.critical()
                && ((high && (unknown || effect >= thresholds.criticalIncrease()))
                    || (low && (unknown || effect <= thresholds.criticalDecrease())));
        if (test.confidenceLevel() < CONFIDENCE_LEVEL) {
            warnings.add("too few points for a " + Math.round(CONFIDENCE_LEVEL * 100)
                    + "% interval; the interval shown is the widest there is");
        }
        MetricClass classification = high ? MetricClass.HIGH : low ? MetricClass.LOW : MetricClass.PASS;
        if (classification == MetricClass.PASS && test.pValue() < 1 - CONFIDENCE_LEVEL
                && !comparison.significantIncrease() && !comparison.significantDecrease()) {
            // Typical of sparse counters: the ranks differ, the median pairwise difference does not.
            warnings.add("the sides differ significantly (p = " + String.format(java.util.Locale.ROOT, "%.2g",
                    test.pValue()) + ") but the interval of the median shift does not clear the tolerance band;"
                    + " many values of both sides are tied");
        }
        return new MetricReport(config, classification, Basis.COMPARED, criticalFailure, c, b, comparison, warnings,
                null);
    }

    private static MetricReport noData(MetricConfig config, Side canary, Side baseline, List<String> warnings) {
        Basis basis = !canary.hasData() && !baseline.hasData() ? Basis.NO_DATA
                : !canary.hasData() ? Basis.NO_CANARY_DATA : Basis.NO_BASELINE_DATA;
        MetricClass classification = config.mustHaveData() && !config.critical()
                ? MetricClass.NODATA_FAILURE : MetricClass.NODATA;
        String who = basis == Basis.NO_DATA ? "neither side" : basis == Basis.NO_CANARY_DATA ? "the canary" : "the baseline";
        warnings.add(classification == MetricClass.NODATA_FAILURE
                ? "no data from " + who + ": counted as a failure (mustHaveData)"
                : "no data from " + who + ": not judged" + (config.critical() ? ", and the metric is critical" : ""));
        return new MetricReport(config, classification, basis, config.critical(), canary.summary(), baseline.summary(),
                null, warnings, null);
    }

    private static MetricReport pass(MetricConfig config, Basis basis, Side canary, Side baseline, List<String> warnings) {
        return new MetricReport(config, MetricClass.PASS, basis, false, canary.summary(), baseline.summary(), null,
                warnings, null);
    }

    private static void noteCleaning(String who, Side side, List<String> warnings) {
        if (side.replaced > 0) {
            warnings.add(side.replaced + " missing " + who + " points of " + side.series.size() + " counted as 0");
        }
    }

    private static void noteFewPoints(String who, Side side, int minimum, List<String> warnings) {
        if (side.sample.size() < minimum) {
            warnings.add("the " + who + " has " + side.sample.size() + " points, fewer than the " + minimum
                    + " a confident judgement needs");
        }
    }

    private static SeriesSummary unread(io.clusterdeploy.engine.canary.source.TimeSeries series) {
        return new SeriesSummary(series, 0, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
}
