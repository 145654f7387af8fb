package io.clusterdeploy.engine.canary.source;

import io.clusterdeploy.engine.error.ClusterDeployException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metric sources a front end has, by type; finds the one a query names. Closing it closes the sources that hold
 * resources ({@link AutoCloseable} ones: HTTP clients, SDK clients).
 */
public final class MetricSources implements AutoCloseable {
    private static final MetricSources NONE = new MetricSources(Map.of());

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

    /** No source: every query is refused, naming its field. */
    public static MetricSources none() {
        return NONE;
    }

    /** The configured types, sorted. */
    public List<String> types() {
        return byType.keySet().stream().sorted().toList();
    }

    /** The source of the query, after its own validation; errors name {@code field} (e.g. {@code metrics[2]}). */
    public MetricSource forQuery(MetricQuery query, String field) {
        MetricSource source = byType.get(query.source());
        if (source == null) {
            List<String> types = types();
            throw ClusterDeployException.invalid(field + ".source", field + ".source: no metric source of type '"
                    + query.source() + "' is configured; configured: "
                    + (types.isEmpty() ? "none" : String.join(", ", types)));
        }
        try {
            source.validate(query);
        } catch (ClusterDeployException e) {
            String inner = e.field() == null ? "query" : e.field();
            throw ClusterDeployException.invalid(field + "." + inner, field + "." + inner + ": " + e.getMessage());
        }
        return source;
    }

    @Override
    public void close() {
        for (MetricSource s : byType.values()) {
            if (s instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    // A source that cannot close cleanly is going away all the same.
                }
            }
        }
    }
}
