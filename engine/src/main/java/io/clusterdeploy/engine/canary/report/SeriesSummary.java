package io.clusterdeploy.engine.canary.report;

import io.clusterdeploy.engine.canary.source.TimeSeries;
import java.util.Objects;

/**
 * One side of a metric as judged: the series the source returned and what the judge did with it.
 *
 * @param series   the points as fetched, gaps as NaN
 * @param missing  points that were NaN
 * @param replaced missing points counted as 0 (nanStrategy replace)
 * @param outliers points dropped by the outlier fences
 * @param used     points the comparison used
 * @param mean     of the used points (NaN when none)
 * @param min      of the used points
 * @param max      of the used points
 * @param standardDeviation of the used points (n − 1)
 */
public record SeriesSummary(TimeSeries series, int missing, int replaced, int outliers, int used,
                            double mean, double min, double max, double standardDeviation) {
    public SeriesSummary {
        Objects.requireNonNull(series, "series");
    }

    /** Points the source returned, missing ones included. */
    public int points() {
        return series.size();
    }

    public boolean hasData() {
        return points() > missing;
    }
}
