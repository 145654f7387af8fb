package io.clusterdeploy.provider.local;

import io.clusterdeploy.engine.canary.source.MetricQuery;
import io.clusterdeploy.engine.error.ClusterDeployException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A query of the {@code local} metric source, parsed: one of the load balancer's per-second statistics,
 * as the value of one step of a canary analysis (docs/canary.md, "Metric sources: local").
 *
 * <ul>
 *   <li>{@code requests}: requests answered per second (the step's requests over its recorded seconds)</li>
 *   <li>{@code errors_5xx}: 5xx answers per second, the load balancer's own 502 and 504 included</li>
 *   <li>{@code connection_errors}: failed attempts to reach an instance per second</li>
 *   <li>{@code error_rate}: 5xx answers over requests, 0 to 1; NaN for a step without requests</li>
 *   <li>{@code latency_pQ}, Q above 0 and at most 100 ({@code latency_p50}, {@code latency_p99.9}):
 *   that latency quantile in milliseconds, from the step's histogram (the upper bound of the bucket it
 *   falls in, buckets at most 25% wide); NaN for a step without requests</li>
 * </ul>
 *
 * @param kind     which statistic
 * @param quantile for {@link Kind#LATENCY}, the quantile from 0 (exclusive) to 1; else 0
 * @param text     the query as written
 */
record LocalMetric(Kind kind, double quantile, String text) {
    /** The field a query of ours is in, and Kayenta's name for it. */
    static final String QUERY = "query";
    static final String METRIC_NAME = "metricName";
    static final String NAMES = "requests, errors_5xx, error_rate, connection_errors, latency_pQ (Q from above 0"
            + " to 100, e.g. latency_p50, latency_p90, latency_p99, latency_p99.9)";

    private static final Pattern LATENCY = Pattern.compile("latency_p(\\d{1,3}(?:\\.\\d{1,6})?)");
    private static final Set<String> FIELDS = Set.of(QUERY, METRIC_NAME);

    enum Kind { REQUESTS, ERRORS_5XX, ERROR_RATE, CONNECTION_ERRORS, LATENCY }

    /**
     * Reads a query: {@code {query: NAME}} (our shape) or {@code {metricName: NAME}} (Kayenta's metric set
     * query, {@code type: local}); INVALID_INPUT naming the field at fault.
     */
    static LocalMetric parse(MetricQuery query) {
        for (String field : query.fields().keySet()) {
            if (!FIELDS.contains(field)) {
                throw ClusterDeployException.invalid(field, "the local metric source has no field '" + field
                        + "'; a query is {query: NAME} or {metricName: NAME}, NAME one of " + NAMES);
            }
        }
        boolean ours = query.fields().containsKey(QUERY);
        boolean kayenta = query.fields().containsKey(METRIC_NAME);
        if (ours && kayenta) {
            throw ClusterDeployException.invalid(METRIC_NAME, "give either query or metricName, not both");
        }
        if (!ours && !kayenta) {
            throw ClusterDeployException.invalid(QUERY, "a local metric needs a query: one of " + NAMES);
        }
        String field = ours ? QUERY : METRIC_NAME;
        Object raw = query.fields().get(field);
        if (!(raw instanceof String text)) {
            throw ClusterDeployException.invalid(field, field + " must be a string, one of " + NAMES + "; was " + raw);
        }
        switch (text) {
            case "requests":
                return new LocalMetric(Kind.REQUESTS, 0, text);
            case "errors_5xx":
                return new LocalMetric(Kind.ERRORS_5XX, 0, text);
            case "error_rate":
                return new LocalMetric(Kind.ERROR_RATE, 0, text);
            case "connection_errors":
                return new LocalMetric(Kind.CONNECTION_ERRORS, 0, text);
            default:
                break;
        }
        Matcher m = LATENCY.matcher(text);
        if (m.matches()) {
            double percent = Double.parseDouble(m.group(1));
            if (percent > 0 && percent <= 100) {
                return new LocalMetric(Kind.LATENCY, percent / 100, text);
            }
            throw ClusterDeployException.invalid(field, "'" + text + "': the latency quantile must be above 0 and at"
                    + " most 100 (the 99.9th percentile is latency_p99.9)");
        }
        throw ClusterDeployException.invalid(field, "unknown local metric '" + text + "'; one of " + NAMES);
    }

    /** The step's value, NaN when the step has no recorded second (or, for a ratio or quantile, no request). */
    double value(TrafficTotal total) {
        long seconds = total.seconds();
        if (seconds == 0) {
            return Double.NaN;
        }
        return switch (kind) {
            case REQUESTS -> (double) total.requests() / seconds;
            case ERRORS_5XX -> (double) total.serverErrors() / seconds;
            case CONNECTION_ERRORS -> (double) total.connectionErrors() / seconds;
            case ERROR_RATE -> total.requests() == 0 ? Double.NaN : (double) total.serverErrors() / total.requests();
            case LATENCY -> total.latencyQuantileMillis(quantile);
        };
    }
}
