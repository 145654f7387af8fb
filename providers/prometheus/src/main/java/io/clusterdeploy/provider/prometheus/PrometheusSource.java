package io.clusterdeploy.provider.prometheus;

import io.clusterdeploy.engine.canary.source.MetricQuery;
import io.clusterdeploy.engine.canary.source.MetricScope;
import io.clusterdeploy.engine.canary.source.MetricSource;
import io.clusterdeploy.engine.canary.source.TimeSeries;
import io.clusterdeploy.engine.canary.source.TimeWindow;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code prometheus} metric source: a PromQL template ({@link PrometheusQuery}) rendered for the
 * scope with every value escaped for its place, asked as a range query over the window at the window's
 * step, and answered by exactly one series. The series comes back on the window's grid (start, start +
 * step, … up to the end) with NaN where Prometheus has no point: a gap stays a gap. No series at all is
 * an empty series (the judge's Nodata); several are INVALID_INPUT, since a metric is one number per step
 * and the query must aggregate to it. Windows of more than 11,000 steps, Prometheus's limit for one
 * query, are asked in parts. Thread-safe.
 */
public final class PrometheusSource implements MetricSource {
    public static final String TYPE = "prometheus";
    /** Prometheus refuses a range query of more points per series than this. */
    static final int MAX_POINTS_PER_QUERY = 11_000;
    private static final Logger LOG = LoggerFactory.getLogger(PrometheusSource.class);

    private final PrometheusClient client;

    private PrometheusSource(PrometheusSettings settings) {
        this.client = new PrometheusClient(settings);
    }

    public static PrometheusSource of(PrometheusSettings settings) {
        return new PrometheusSource(Objects.requireNonNull(settings, "settings"));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void validate(MetricQuery query) {
        PrometheusQuery.read(query);
    }

    /** The PromQL that {@link #fetch} sends for this scope: the template with the scope's values in it. */
    public String promql(MetricQuery query, MetricScope scope) {
        PromQlTemplate template = PrometheusQuery.read(query).template();
        ScopeVariables values = new ScopeVariables(scope, template.field());
        return template.render(values::value);
    }

    @Override
    public TimeSeries fetch(MetricQuery query, MetricScope scope, TimeWindow window) {
        PromQlTemplate template = PrometheusQuery.read(query).template();
        String promql = template.render(new ScopeVariables(scope, template.field())::value);
        String field = template.field();
        long start = window.start().toEpochMilli();
        long step = window.step().toMillis();
        int points = Math.toIntExact(window.points());
        Map<Map<String, String>, double[]> series = new LinkedHashMap<>();
        for (int first = 0; first < points; first += MAX_POINTS_PER_QUERY) {
            int last = Math.min(points, first + MAX_POINTS_PER_QUERY) - 1;
            long chunkStart = start + first * step;
            long chunkEnd = start + last * step;
            LOG.debug("prometheus range query for {}: {} from {} to {} step {} ms", scope.name(), promql,
                    chunkStart, chunkEnd, step);
            Map<String, Object> data = client.rangeQuery(promql, chunkStart, chunkEnd, step, field);
            for (MatrixAnswer.Series s : MatrixAnswer.read(data, field)) {
                double[] values = series.computeIfAbsent(s.labels(), k -> nanGrid(points));
                place(s, values, start, step, first, last);
            }
            if (series.size() > 1) {
                throw several(field, new ArrayList<>(series.keySet()));
            }
        }
        if (series.isEmpty()) {
            return TimeSeries.empty();
        }
        long[] millis = new long[points];
        for (int i = 0; i < points; i++) {
            millis[i] = start + i * step;
        }
        return TimeSeries.of(millis, series.values().iterator().next());
    }

    private static double[] nanGrid(int points) {
        double[] grid = new double[points];
        Arrays.fill(grid, Double.NaN);
        return grid;
    }

    /** Puts each point at its step; a point off the grid is an answer to another question. */
    private static void place(MatrixAnswer.Series s, double[] values, long start, long step, int first, int last) {
        for (int i = 0; i < s.millis().length; i++) {
            long offset = s.millis()[i] - start;
            if (offset % step != 0 || offset / step < first || offset / step > last) {
                throw new ClusterDeployException(ErrorKind.INTERNAL, null, "Prometheus answered a point at "
                        + s.millis()[i] + " ms, not on the asked grid from " + (start + first * step) + " ms every "
                        + step + " ms");
            }
            values[(int) (offset / step)] = s.values()[i];
        }
    }

    private static ClusterDeployException several(String field, List<Map<String, String>> labels) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < Math.min(3, labels.size()); i++) {
            if (i > 0) {
                shown.append(", ");
            }
            shown.append(labels.get(i).isEmpty() ? "{}" : labels.get(i).toString());
        }
        return ClusterDeployException.invalid(field, field + ": the query must aggregate to one series per scope"
                + " (e.g. sum(...), avg(...), histogram_quantile(0.5, sum by (le) (...))), Prometheus answered "
                + labels.size() + " series: " + shown + (labels.size() > 3 ? ", …" : ""));
    }
}
