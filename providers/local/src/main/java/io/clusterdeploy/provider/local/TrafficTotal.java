package io.clusterdeploy.provider.local;

/**
 * The traffic of some recorded seconds added up (one step of a metric, over one or more server groups):
 * a mutable accumulator for one reader, never shared between threads.
 */
final class TrafficTotal {
    private long seconds;
    private long requests;
    private long serverErrors;
    private long connectionErrors;
    private final long[] latencies = new long[LatencyBuckets.COUNT];

    void add(long requests, long serverErrors, long connectionErrors) {
        this.requests += requests;
        this.serverErrors += serverErrors;
        this.connectionErrors += connectionErrors;
    }

    void addLatencies(int bucket, long count) {
        latencies[bucket] += count;
    }

    /** Counts one second that some group recorded. */
    void recordedSecond() {
        seconds++;
    }

    /** Recorded seconds added so far. */
    long seconds() {
        return seconds;
    }

    long requests() {
        return requests;
    }

    long serverErrors() {
        return serverErrors;
    }

    long connectionErrors() {
        return connectionErrors;
    }

    /** See {@link LatencyQuantile#millis}. */
    double latencyQuantileMillis(double q) {
        return LatencyQuantile.millis(latencies, q);
    }

    void clear() {
        seconds = requests = serverErrors = connectionErrors = 0;
        java.util.Arrays.fill(latencies, 0);
    }
}
