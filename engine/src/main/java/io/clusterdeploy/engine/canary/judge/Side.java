package io.clusterdeploy.engine.canary.judge;

import io.clusterdeploy.engine.canary.config.NanStrategy;
import io.clusterdeploy.engine.canary.config.OutlierStrategy;
import io.clusterdeploy.engine.canary.config.Outliers;
import io.clusterdeploy.engine.canary.report.SeriesSummary;
import io.clusterdeploy.engine.canary.source.TimeSeries;
import io.clusterdeploy.engine.canary.stats.SortedSample;

/**
 * One side of a metric made ready for comparison: gaps removed or replaced by 0, then outliers
 * beyond Kayenta's fences dropped. A series whose points are all missing has no data whatever the
 * NaN strategy: replacing them would invent a series of zeros.
 */
final class Side {
    final TimeSeries series;
    final int missing;
    final int replaced;
    final int outliers;
    final boolean infinite;
    /** The values compared; empty without data, null with infinite values. */
    final SortedSample sample;

    private Side(TimeSeries series, int missing, int replaced, int outliers, boolean infinite, SortedSample sample) {
        this.series = series;
        this.missing = missing;
        this.replaced = replaced;
        this.outliers = outliers;
        this.infinite = infinite;
        this.sample = sample;
    }

    static Side of(TimeSeries series, NanStrategy nanStrategy, Outliers outlierConfig) {
        double[] raw = series.values();
        int missing = 0;
        for (double v : raw) {
            if (Double.isNaN(v)) {
                missing++;
            } else if (Double.isInfinite(v)) {
                return new Side(series, missing, 0, 0, true, null);
            }
        }
        if (missing == raw.length) {
            return new Side(series, missing, 0, 0, false, SortedSample.of());
        }
        double[] values;
        int replaced = 0;
        if (nanStrategy == NanStrategy.REPLACE) {
            values = raw;
            for (int i = 0; i < values.length; i++) {
                if (Double.isNaN(values[i])) {
                    values[i] = 0;
                    replaced++;
                }
            }
        } else {
            values = new double[raw.length - missing];
            int k = 0;
            for (double v : raw) {
                if (!Double.isNaN(v)) {
                    values[k++] = v;
                }
            }
        }
        SortedSample sample = SortedSample.of(values);
        int dropped = 0;
        if (outlierConfig.strategy() == OutlierStrategy.REMOVE) {
            SortedSample kept = withinFences(sample, outlierConfig.factor());
            dropped = sample.size() - kept.size();
            sample = kept;
        }
        return new Side(series, missing, replaced, dropped, false, sample);
    }

    /** Kayenta's IQR detector with reduced sensitivity: [min(p1, Q1 − k·IQR), max(p99, Q3 + k·IQR)]. */
    static SortedSample withinFences(SortedSample sample, double factor) {
        double q1 = sample.quantile(0.25);
        double q3 = sample.quantile(0.75);
        double iqr = q3 - q1;
        double lower = Math.min(sample.quantile(0.01), q1 - factor * iqr);
        double upper = Math.max(sample.quantile(0.99), q3 + factor * iqr);
        return sample.within(lower, upper);
    }

    boolean hasData() {
        return !infinite && !sample.isEmpty();
    }

    SeriesSummary summary() {
        if (sample == null || sample.isEmpty()) {
            return new SeriesSummary(series, missing, replaced, outliers, 0, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN);
        }
        return new SeriesSummary(series, missing, replaced, outliers, sample.size(), sample.mean(), sample.min(),
                sample.max(), sample.standardDeviation());
    }
}
