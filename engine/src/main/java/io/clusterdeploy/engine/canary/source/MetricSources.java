package io.clusterdeploy.engine.canary.source;

import io.clusterdeploy.engine.error.ClusterDeployException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The metric sources a front end has, by type; finds the one a query names. */
public final class MetricSources {
    private final Map<String, MetricSource> byType;

    private MetricSources(Map<String, MetricSource> byType) {
        this.byType = byType;
    }

    public static MetricSources of(List<? extends MetricSource> sources) {
        Map<String, MetricSource> map = new LinkedHashMap<>();
        for (MetricSource s : sources) {
            if (map.putIfAbsent(s.type(), s) != null) {
                throw new IllegalArgumentException("two metric sources of type " + s.type());
            }
        }
        return new MetricSources(Map.copyOf(map));
    }

    /** The source of the query, after its own validation; errors name {@code field} (e.g. {@code metrics[2]}). */
    public MetricSource forQuery(MetricQuery query, String field) {
        MetricSource source = byType.get(query.source());
        if (source == null) {
            throw ClusterDeployException.invalid(field + ".source", field + ".source: unknown metric source '"
                    + query.source() + "', known: " + String.join(", ", byType.keySet().stream().sorted().toList()));
        }
        try {
            source.validate(query);
        } catch (ClusterDeployException e) {
            String inner = e.field() == null ? "query" : e.field();
            throw ClusterDeployException.invalid(field + "." + inner, field + "." + inner + ": " + e.getMessage());
        }
        return source;
    }
}
