package io.clusterdeploy.provider.prometheus;

import io.clusterdeploy.engine.canary.source.MetricQuery;
import io.clusterdeploy.engine.error.ClusterDeployException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A metric's query fields read into one PromQL template. Three shapes, as a canary config gives them:
 * <ul>
 *   <li>{@code query}: the template itself (our shape: {@code query: 'sum(rate(...{server_group="${scope}"}[1m]))'});</li>
 *   <li>{@code customInlineTemplate}: Kayenta's, with or without its {@code PromQL:} prefix;</li>
 *   <li>{@code metricName} with {@code labelBindings}, {@code groupByFields}, {@code scopeLabel} (default
 *       {@code server_group}), {@code locationLabel} and {@code customFilter}, built as Kayenta builds it:
 *       {@code avg(metric{scopeLabel="${scope}",...}) by (fields)}.</li>
 * </ul>
 * Kayenta's {@code customFilterTemplate} names one of the config's templates; the analysis resolves it
 * into {@code customInlineTemplate} (which wins when both are there, as in Kayenta).
 */
record PrometheusQuery(PromQlTemplate template) {
    static final String QUERY = "query";
    static final String INLINE = "customInlineTemplate";
    static final String FILTER_TEMPLATE = "customFilterTemplate";
    static final String METRIC_NAME = "metricName";
    private static final String PROMQL_PREFIX = "PromQL:";
    private static final Set<String> KNOWN = Set.of(QUERY, INLINE, FILTER_TEMPLATE, METRIC_NAME, "labelBindings",
            "groupByFields", "scopeLabel", "locationLabel", "customFilter", "resourceType", "functions");

    /** Reads and checks the fields; INVALID_INPUT naming the field (relative to the query) otherwise. */
    static PrometheusQuery read(MetricQuery query) {
        Map<String, Object> fields = query.fields();
        for (String key : fields.keySet()) {
            if (!KNOWN.contains(key)) {
                throw ClusterDeployException.invalid(key, "unknown field '" + key + "' of a prometheus query; known: "
                        + String.join(", ", KNOWN.stream().sorted().toList()));
            }
        }
        List<?> functions = list(fields, "functions");
        if (!functions.isEmpty()) {
            throw ClusterDeployException.invalid("functions", "functions are not supported; write the PromQL in"
                    + " query (or customInlineTemplate)");
        }
        String direct = string(fields, QUERY);
        String inline = string(fields, INLINE);
        if (direct != null && inline != null) {
            throw ClusterDeployException.invalid(INLINE, "give " + QUERY + " or " + INLINE + ", not both");
        }
        if (direct != null) {
            return new PrometheusQuery(PromQlTemplate.parse(QUERY, direct, ScopeVariables.NAMES));
        }
        if (inline != null) {
            String promql = inline.startsWith(PROMQL_PREFIX) ? inline.substring(PROMQL_PREFIX.length()) : inline;
            return new PrometheusQuery(PromQlTemplate.parse(INLINE, promql, ScopeVariables.NAMES));
        }
        String customFilter = string(fields, "customFilter");
        if (customFilter != null && customFilter.startsWith(PROMQL_PREFIX)) {
            return new PrometheusQuery(PromQlTemplate.parse("customFilter", customFilter.substring(PROMQL_PREFIX.length()),
                    ScopeVariables.NAMES));
        }
        if (string(fields, FILTER_TEMPLATE) != null) {
            throw ClusterDeployException.invalid(FILTER_TEMPLATE, FILTER_TEMPLATE + " '" + string(fields, FILTER_TEMPLATE)
                    + "' was not resolved: the analysis passes the named template's text as " + INLINE);
        }
        String metricName = string(fields, METRIC_NAME);
        if (metricName == null) {
            throw ClusterDeployException.invalid(QUERY, "a prometheus query needs " + QUERY + " (PromQL), " + INLINE
                    + " or " + METRIC_NAME);
        }
        return new PrometheusQuery(PromQlTemplate.parse(METRIC_NAME, built(fields, metricName, customFilter),
                ScopeVariables.NAMES));
    }

    /** Kayenta's query of a metric name: the average over the scope's series, grouped as asked. */
    private static String built(Map<String, Object> fields, String metricName, String customFilter) {
        if (!PromQl.isMetricName(metricName)) {
            throw ClusterDeployException.invalid(METRIC_NAME, METRIC_NAME + " must be a metric name"
                    + " ([a-zA-Z_:][a-zA-Z0-9_:]*), was '" + metricName + "'");
        }
        String resourceType = string(fields, "resourceType");
        if (resourceType != null && !resourceType.isBlank()) {
            throw ClusterDeployException.invalid("resourceType", "resourceType '" + resourceType + "' is not supported;"
                    + " select the scope with scopeLabel, labelBindings or a query");
        }
        List<String> matchers = new ArrayList<>();
        if (customFilter != null && !customFilter.isBlank()) {
            matchers.add(customFilter);
        } else {
            String scopeLabel = label(fields, "scopeLabel", "server_group");
            matchers.add(scopeLabel + "=\"${scope}\"");
            String locationLabel = label(fields, "locationLabel", null);
            if (locationLabel != null) {
                matchers.add(locationLabel + "=\"${location}\"");
            }
        }
        for (Object binding : list(fields, "labelBindings")) {
            matchers.add(String.valueOf(binding));
        }
        StringBuilder q = new StringBuilder("avg(").append(metricName).append('{')
                .append(String.join(",", matchers)).append("})");
        List<?> groupBy = list(fields, "groupByFields");
        if (!groupBy.isEmpty()) {
            List<String> labels = new ArrayList<>();
            for (Object g : groupBy) {
                String name = String.valueOf(g);
                if (!PromQl.isLabelName(name)) {
                    throw ClusterDeployException.invalid("groupByFields", "groupByFields must be label names, was '"
                            + name + "'");
                }
                labels.add(name);
            }
            q.append(" by (").append(String.join(",", labels)).append(')');
        }
        return q.toString();
    }

    private static String label(Map<String, Object> fields, String key, String fallback) {
        String value = string(fields, key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        if (!PromQl.isLabelName(value)) {
            throw ClusterDeployException.invalid(key, key + " must be a label name ([a-zA-Z_][a-zA-Z0-9_]*), was '"
                    + value + "'");
        }
        return value;
    }

    private static String string(Map<String, Object> fields, String key) {
        Object v = fields.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw ClusterDeployException.invalid(key, key + " must be a string");
        }
        return s;
    }

    private static List<?> list(Map<String, Object> fields, String key) {
        Object v = fields.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            throw ClusterDeployException.invalid(key, key + " must be a list");
        }
        for (Object item : l) {
            if (!(item instanceof String)) {
                throw ClusterDeployException.invalid(key, key + " must be a list of strings");
            }
        }
        return l;
    }
}
