package io.clusterdeploy.provider.local;

import java.time.Instant;
import java.util.List;

/**
 * A server group's traffic through the local load balancers, second by second, as
 * {@link LocalProvider#trafficStatistics} reads it: one point per whole second of {@code [from, to)}, in
 * order, each saying whether it was recorded.
 *
 * @param serverGroup the group
 * @param from        the first second (the requested start, rounded down to a whole second)
 * @param to          the end, exclusive (rounded down to a whole second)
 * @param points      {@code to - from} seconds of points
 */
public record TrafficStatistics(String serverGroup, Instant from, Instant to, List<TrafficPoint> points) {
    public TrafficStatistics {
        points = List.copyOf(points);
    }

    /** Requests of the recorded seconds. */
    public long requests() {
        return points.stream().filter(TrafficPoint::recorded).mapToLong(TrafficPoint::requests).sum();
    }

    /** 5xx answers of the recorded seconds. */
    public long serverErrors() {
        return points.stream().filter(TrafficPoint::recorded).mapToLong(TrafficPoint::serverErrors).sum();
    }

    /** Connection errors of the recorded seconds. */
    public long connectionErrors() {
        return points.stream().filter(TrafficPoint::recorded).mapToLong(TrafficPoint::connectionErrors).sum();
    }

    /** The latency quantile {@code q} over every recorded second, in milliseconds (see {@link TrafficPoint}); NaN without requests. */
    public double latencyQuantileMillis(double q) {
        long[] sum = new long[LatencyBuckets.COUNT];
        for (TrafficPoint p : points) {
            if (p.recorded()) {
                long[] h = p.latencyHistogram();
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += h[i];
                }
            }
        }
        return LatencyQuantile.millis(sum, q);
    }
}
