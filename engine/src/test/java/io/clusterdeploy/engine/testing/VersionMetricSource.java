package io.clusterdeploy.engine.testing;

import io.clusterdeploy.engine.canary.source.MetricQuery;
import io.clusterdeploy.engine.canary.source.MetricScope;
import io.clusterdeploy.engine.canary.source.MetricSource;
import io.clusterdeploy.engine.canary.source.TimeSeries;
import io.clusterdeploy.engine.canary.source.TimeWindow;
import io.clusterdeploy.engine.error.ClusterDeployException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A metric source of type {@code fake} whose series depend on what a group runs (its artifact, as its provider reports
 * it: the fake's version, Kubernetes' image list): query {@code errors} gives every group the same values (in an
 * order of its own), twice as high for a group running one of the {@code bad} artifacts; query {@code steady} the same values for every group, whatever it runs. Records every
 * fetch. A group that is gone reads as the version it last ran, as a real source keeps history.
 */
public final class VersionMetricSource implements MetricSource {
    /** One read: which query, for which group, over which window. */
    public record Fetch(String query, String serverGroup, Instant start, Instant end) {
    }

    private final io.clusterdeploy.engine.provider.CloudProvider cloud;
    private final Set<String> bad;
    private final java.util.Map<String, String> versions = new java.util.concurrent.ConcurrentHashMap<>();
    public final List<Fetch> fetches = new CopyOnWriteArrayList<>();

    public VersionMetricSource(io.clusterdeploy.engine.provider.CloudProvider cloud, Set<String> badVersions) {
        this.cloud = cloud;
        this.bad = Set.copyOf(badVersions);
    }

    @Override
    public String type() {
        return "fake";
    }

    @Override
    public void validate(MetricQuery query) {
        String q = query.string("query");
        if (!List.of("errors", "steady").contains(q)) {
            throw ClusterDeployException.invalid("query", "unknown fake query '" + q + "'");
        }
    }

    @Override
    public TimeSeries fetch(MetricQuery query, MetricScope scope, TimeWindow window) {
        String q = query.string("query");
        fetches.add(new Fetch(q, scope.serverGroup(), window.start(), window.end()));
        cloud.serverGroup(scope.location(), scope.serverGroup())
                .ifPresent(sg -> versions.put(sg.name(), sg.artifact()));
        boolean worse = q.equals("errors") && bad.contains(versions.get(scope.serverGroup()));
        int n = (int) window.points();
        int shift = Math.abs(scope.serverGroup().hashCode()) % 7;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = (100 + ((i + shift) % 13)) * (worse ? 2 : 1);
        }
        return TimeSeries.regular(window.start(), window.step(), v);
    }
}
