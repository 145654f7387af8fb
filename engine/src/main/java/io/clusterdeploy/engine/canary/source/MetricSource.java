package io.clusterdeploy.engine.canary.source;

/**
 * Where a canary analysis reads a metric: the local load balancer's statistics, Prometheus,
 * CloudWatch. Implementations live with their I/O (the provider or their own module); the judge
 * only sees the {@link TimeSeries} they return.
 *
 * <p>A failure is an exception, never an empty or zero series: a query the source rejects is a
 * {@code ClusterDeployException} of kind INVALID_INPUT naming the query's field, an unreachable or
 * failing source one of kind UNAVAILABLE. Either fails the analysis; neither can become a pass.
 * Implementations must be safe to call from several threads at once.
 */
public interface MetricSource {

    /** The name configs use in a metric's {@code source} (Kayenta: {@code query.type}). */
    String type();

    /**
     * Checks a query before anything runs, throwing a {@code ClusterDeployException} of kind
     * INVALID_INPUT whose field is relative to the query (e.g. {@code query}). The default accepts
     * every query.
     */
    default void validate(MetricQuery query) {
    }

    /**
     * The metric of one scope over the window, one point per step where the source has one.
     * Missing steps are NaN or absent, never invented; a scope without any point returns an empty
     * series.
     */
    TimeSeries fetch(MetricQuery query, MetricScope scope, TimeWindow window);
}
