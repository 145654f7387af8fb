package io.clusterdeploy.engine.canary.judge;

import io.clusterdeploy.engine.canary.source.TimeSeries;
import java.util.Objects;

/** What the sources returned for one metric: the canary's series and the baseline's. */
public record MetricPair(TimeSeries canary, TimeSeries baseline) {
    public MetricPair {
        Objects.requireNonNull(canary, "canary");
        Objects.requireNonNull(baseline, "baseline");
    }
}
