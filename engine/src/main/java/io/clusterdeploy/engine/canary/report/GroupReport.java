package io.clusterdeploy.engine.canary.report;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One group's score: Pass / (Pass + High + Low + NodataFailure + Error) × 100 over its metrics
 * that are not muted; 100 when none of them counts ({@code noData}).
 *
 * @param weight the share of the summary score this group carries (0..100)
 * @param counts how many of its scored metrics have each class
 */
public record GroupReport(String name, double weight, double score, boolean noData, Map<MetricClass, Integer> counts) {
    public GroupReport {
        EnumMap<MetricClass, Integer> copy = new EnumMap<>(MetricClass.class);
        copy.putAll(counts);
        counts = Collections.unmodifiableMap(copy);
    }

    public int count(MetricClass c) {
        return counts.getOrDefault(c, 0);
    }
}
