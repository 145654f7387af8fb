package io.clusterdeploy.engine.analysis;

import io.clusterdeploy.engine.canary.source.MetricQuery;
import io.clusterdeploy.engine.canary.source.MetricScope;
import io.clusterdeploy.engine.canary.source.MetricSource;
import io.clusterdeploy.engine.canary.source.TimeSeries;
import io.clusterdeploy.engine.canary.source.TimeWindow;
import io.clusterdeploy.engine.error.ClusterDeployException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A metric source of type {@code fake} with deterministic series, one point per step of the window. The query
 * names the shape: {@code steady} (the same values on both sides, in a different order), {@code doubled} (the
 * canary's values twice the baseline's), {@code empty} (no points), {@code boom} (the source is unreachable),
 * {@code rejected} (the source refuses the query when asked). Records every fetch.
 */
final class FakeMetricSource implements MetricSource {
    record Fetch(String query, String scope, Instant at) {
    }

    final List<Fetch> fetches = new CopyOnWriteArrayList<>();

    @Override
    public String type() {
        return "fake";
    }

    @Override
    public void validate(MetricQuery query) {
        String q = query.string("query");
        if (!List.of("steady", "doubled", "empty", "boom", "rejected").contains(q)) {
            throw ClusterDeployException.invalid("query", "unknown fake query '" + q + "'");
        }
    }

    @Override
    public TimeSeries fetch(MetricQuery query, MetricScope scope, TimeWindow window) {
        String q = query.string("query");
        fetches.add(new Fetch(q, scope.name(), Instant.now()));
        boolean canary = scope.serverGroup() != null && scope.serverGroup().endsWith("v001");
        int n = (int) window.points();
        double[] v = new double[n];
        switch (q) {
            case "steady" -> {
                for (int i = 0; i < n; i++) {
                    int k = canary ? (i * 7) % n : i; // a permutation when n is not a multiple of 7
                    v[i] = 100 + (k % 13);
                }
            }
            case "doubled" -> {
                for (int i = 0; i < n; i++) {
                    v[i] = (100 + (i % 13)) * (canary ? 2 : 1);
                }
            }
            case "empty" -> {
                return TimeSeries.empty();
            }
            case "boom" -> throw new IllegalStateException("connection refused: fake-metrics:9090");
            case "rejected" -> throw ClusterDeployException.invalid("query", "parse error at char 3");
            default -> throw new IllegalArgumentException(q);
        }
        return TimeSeries.regular(window.start(), window.step(), v);
    }
}
