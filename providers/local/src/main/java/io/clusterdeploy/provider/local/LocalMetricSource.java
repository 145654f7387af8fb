package io.clusterdeploy.provider.local;

import io.clusterdeploy.engine.canary.source.MetricQuery;
import io.clusterdeploy.engine.canary.source.MetricScope;
import io.clusterdeploy.engine.canary.source.MetricSource;
import io.clusterdeploy.engine.canary.source.TimeSeries;
import io.clusterdeploy.engine.canary.source.TimeWindow;
import io.clusterdeploy.engine.error.ClusterDeployException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code local} metric source: a canary analysis reads the local load balancers' per-second statistics
 * of a server group (or of every group of a cluster) through it, with zero setup. Queries are the names of
 * {@link LocalMetric}. The window is read in whole seconds (its start rounded down, its end up) and cut into
 * steps from its start; each step's value comes from the seconds of it that were recorded, and a step with
 * none (before the group existed or the provider took it over, or not over yet) is NaN. A window reaching
 * further back than the statistics are kept ({@value TrafficRecorder#RETENTION_SECONDS} s) is refused,
 * never answered with gaps that would look like a quiet canary.
 */
final class LocalMetricSource implements MetricSource {
    static final String TYPE = "local";

    private final Function<MetricScope, List<TrafficRecorder>> recorders;
    private final Clock clock;

    /**
     * @param recorders the statistics of a scope's server groups; throws a ClusterDeployException naming the
     *                  scope's field when the scope is not this account's or has no group
     */
    LocalMetricSource(Function<MetricScope, List<TrafficRecorder>> recorders, Clock clock) {
        this.recorders = recorders;
        this.clock = clock;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void validate(MetricQuery query) {
        LocalMetric.parse(query);
    }

    @Override
    public TimeSeries fetch(MetricQuery query, MetricScope scope, TimeWindow window) {
        LocalMetric metric = LocalMetric.parse(query);
        if (window.step().getNano() != 0) {
            throw ClusterDeployException.invalid("step", "the local metric source answers in whole seconds; the step "
                    + window.step() + " is not a whole number of seconds");
        }
        long step = window.step().getSeconds();
        long first = window.start().getEpochSecond();
        long end = window.end().getEpochSecond() + (window.end().getNano() > 0 ? 1 : 0);
        long current = clock.instant().getEpochSecond();
        long oldest = current - TrafficRecorder.RETENTION_SECONDS + 1;
        if (first < oldest) {
            throw ClusterDeployException.invalid("start", "the local load balancers keep the last "
                    + TrafficRecorder.RETENTION_SECONDS + " seconds of statistics; the window starts at "
                    + Instant.ofEpochSecond(first) + ", before the oldest second kept (" + Instant.ofEpochSecond(oldest)
                    + ")");
        }
        List<TrafficRecorder> groups = recorders.apply(scope);
        int points = (int) ((end - first + step - 1) / step);
        long[] timestamps = new long[points];
        double[] values = new double[points];
        TrafficTotal total = new TrafficTotal();
        for (int i = 0; i < points; i++) {
            long from = first + i * step;
            long to = Math.min(from + step, end);
            total.clear();
            for (long second = from; second < to; second++) {
                boolean recorded = false;
                for (TrafficRecorder group : groups) {
                    recorded |= group.addTo(second, current, total);
                }
                if (recorded) {
                    total.recordedSecond();
                }
            }
            timestamps[i] = from * 1000;
            values[i] = metric.value(total);
        }
        return TimeSeries.of(timestamps, values);
    }
}
