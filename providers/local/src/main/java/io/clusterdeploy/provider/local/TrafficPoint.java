package io.clusterdeploy.provider.local;

import java.time.Instant;
import java.util.Arrays;

/**
 * One second of a server group's traffic through the local load balancers.
 *
 * @param second           the start of the second
 * @param recorded         false when there is no record of this second (before the group was created or
 *                         taken over by this provider, older than the retention, or not over yet); its
 *                         counts are then 0 and mean nothing. A recorded second with no request is a real 0
 * @param requests         requests answered by the group's instances (counted when the answer ends)
 * @param serverErrors     those answered with a 5xx status, including the load balancer's own 502 and 504
 *                         when the group's instance failed them
 * @param connectionErrors failed attempts to reach one of the group's instances: a connection refused,
 *                         reset or timed out, or closed before a whole answer; retried or not (a pooled
 *                         connection found closed by the instance and retried at once is not counted)
 * @param latencyHistogram answered requests per {@link LatencyBuckets} bucket ({@link LatencyBuckets#COUNT} long)
 */
public record TrafficPoint(Instant second, boolean recorded, long requests, long serverErrors, long connectionErrors,
                           long[] latencyHistogram) {

    public TrafficPoint {
        if (latencyHistogram.length != LatencyBuckets.COUNT) {
            throw new IllegalArgumentException("latencyHistogram must have " + LatencyBuckets.COUNT + " buckets");
        }
        latencyHistogram = latencyHistogram.clone();
    }

    @Override
    public long[] latencyHistogram() {
        return latencyHistogram.clone();
    }

    /**
     * The latency under which a share {@code q} (0..1) of this second's requests were answered, in
     * milliseconds, as the upper bound of the bucket it falls in; NaN when the second has no request.
     */
    public double latencyQuantileMillis(double q) {
        return LatencyQuantile.millis(latencyHistogram, q);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrafficPoint p && p.second.equals(second) && p.recorded == recorded
                && p.requests == requests && p.serverErrors == serverErrors && p.connectionErrors == connectionErrors
                && Arrays.equals(p.latencyHistogram, latencyHistogram);
    }

    @Override
    public int hashCode() {
        return second.hashCode() * 31 + Long.hashCode(requests);
    }

    @Override
    public String toString() {
        return "TrafficPoint[" + second + (recorded ? "" : " not recorded") + ", requests=" + requests
                + ", serverErrors=" + serverErrors + ", connectionErrors=" + connectionErrors + "]";
    }
}
