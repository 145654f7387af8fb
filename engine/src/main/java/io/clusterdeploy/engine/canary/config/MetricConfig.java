package io.clusterdeploy.engine.canary.config;

import io.clusterdeploy.engine.canary.source.MetricQuery;
import java.util.List;
import java.util.Objects;

/**
 * One metric of a canary config, with every default resolved.
 *
 * @param name          unique in the config; the report's key
 * @param query         the source and its query
 * @param groups        the groups it scores in (at least one)
 * @param direction     which change fails
 * @param nanStrategy   missing points removed or counted as 0
 * @param outliers      outlier handling
 * @param critical      a failure of this metric fails the whole analysis (score 0)
 * @param mustHaveData  no data is a failure (NodataFailure) rather than Nodata
 * @param muted         classified and reported, but left out of every score
 * @param effectSize    effect-size measure and thresholds
 * @param minimumPoints fewer points than this on a side carry a warning
 */
public record MetricConfig(String name, MetricQuery query, List<String> groups, Direction direction,
                           NanStrategy nanStrategy, Outliers outliers, boolean critical, boolean mustHaveData,
                           boolean muted, EffectSize effectSize, int minimumPoints) {
    public MetricConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(query, "query");
        groups = List.copyOf(groups);
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(nanStrategy, "nanStrategy");
        Objects.requireNonNull(outliers, "outliers");
        Objects.requireNonNull(effectSize, "effectSize");
    }
}
