package io.clusterdeploy.engine.canary.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A validated canary config: what to measure and how to score it. Built by
 * {@link CanaryConfigParser} from our shape or Kayenta's.
 *
 * @param name            optional
 * @param description     optional
 * @param metrics         at least one, names unique, at least one not muted
 * @param groupWeights    weights (0..100) of some or all groups; groups without a weight share
 *                        what is left of 100 equally
 * @param scoreThresholds the config's own thresholds (a request may override them)
 * @param templates       named query templates (Kayenta's {@code templates}), for the sources
 */
public record CanaryConfig(String name, String description, List<MetricConfig> metrics,
                           Map<String, Double> groupWeights, ScoreThresholds scoreThresholds,
                           Map<String, String> templates) {
    public CanaryConfig {
        metrics = List.copyOf(metrics);
        groupWeights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(groupWeights));
        Objects.requireNonNull(scoreThresholds, "scoreThresholds");
        templates = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(templates));
    }

    /** Every group a metric names, in the order they first appear. */
    public List<String> groups() {
        Set<String> groups = new LinkedHashSet<>();
        for (MetricConfig m : metrics) {
            groups.addAll(m.groups());
        }
        return new ArrayList<>(groups);
    }

    public Optional<MetricConfig> metric(String metricName) {
        return metrics.stream().filter(m -> m.name().equals(metricName)).findFirst();
    }

    /** The weight each group scores with: its own, or an equal share of what the weighted groups leave. */
    public Map<String, Double> effectiveWeights() {
        List<String> groups = groups();
        double assigned = 0;
        int unweighted = 0;
        for (String g : groups) {
            Double w = groupWeights.get(g);
            if (w == null) {
                unweighted++;
            } else {
                assigned += w;
            }
        }
        double share = unweighted == 0 ? 0 : Math.max(0, 100 - assigned) / unweighted;
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String g : groups) {
            weights.put(g, groupWeights.getOrDefault(g, share));
        }
        return weights;
    }
}
