package io.clusterdeploy.sample;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Metrics of one app instance, rendered in the Prometheus text exposition format (0.0.4): the
 * request counters the demo reads, plus what a canary judges: requests to {@code /} by status,
 * their latency as a histogram with the client libraries' default buckets, and the process's CPU.
 */
final class Metrics {
    /** Upper bounds in seconds: the Prometheus client libraries' defaults. */
    static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final String versionLabel;
    private final LongAdder requests = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder healthChecks = new LongAdder();
    private final ConcurrentMap<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
    private final LongAdder[] bucketCounts = new LongAdder[BUCKETS.length];
    private final LongAdder latencyCount = new LongAdder();
    private final LongAdder latencyNanos = new LongAdder();

    Metrics(String version) {
        this.versionLabel = "version=\"" + escape(version) + "\"";
        for (int i = 0; i < bucketCounts.length; i++) {
            bucketCounts[i] = new LongAdder();
        }
    }

    void request() {
        requests.increment();
    }

    void error() {
        errors.increment();
    }

    void healthCheck() {
        healthChecks.increment();
    }

    /** One answered request to {@code /}: its status and how long it took, in nanoseconds. */
    void served(int status, long nanos) {
        byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
        double seconds = nanos / 1e9;
        // Non-cumulative here; rendering adds the buckets up, as the format wants.
        for (int i = 0; i < BUCKETS.length; i++) {
            if (seconds <= BUCKETS[i]) {
                bucketCounts[i].increment();
                break;
            }
        }
        latencyCount.increment();
        latencyNanos.add(nanos);
    }

    String render() {
        String label = "{" + versionLabel + "}";
        StringBuilder out = new StringBuilder(2048);
        out.append("# HELP requests_total Requests to / by version.\n")
                .append("# TYPE requests_total counter\n")
                .append("requests_total").append(label).append(' ').append(requests.sum()).append('\n')
                .append("# HELP errors_total Requests to / answered with a server error, by version.\n")
                .append("# TYPE errors_total counter\n")
                .append("errors_total").append(label).append(' ').append(errors.sum()).append('\n')
                .append("# HELP health_checks_total Requests to the health endpoint, by version.\n")
                .append("# TYPE health_checks_total counter\n")
                .append("health_checks_total").append(label).append(' ').append(healthChecks.sum()).append('\n');

        out.append("# HELP http_server_requests_total Answered requests to / by status code.\n")
                .append("# TYPE http_server_requests_total counter\n");
        byStatus.keySet().stream().sorted().forEach(status -> out.append("http_server_requests_total{")
                .append(versionLabel).append(",status=\"").append(status).append("\"} ")
                .append(byStatus.get(status).sum()).append('\n'));

        out.append("# HELP http_server_requests_seconds Latency of answered requests to /, in seconds.\n")
                .append("# TYPE http_server_requests_seconds histogram\n");
        long cumulative = 0;
        for (int i = 0; i < BUCKETS.length; i++) {
            cumulative += bucketCounts[i].sum();
            bucket(out, format(BUCKETS[i]), cumulative);
        }
        long count = latencyCount.sum();
        // Counted last: a request served while rendering lands in +Inf, never above it.
        bucket(out, "+Inf", Math.max(count, cumulative));
        out.append("http_server_requests_seconds_sum{").append(versionLabel).append("} ")
                .append(format(latencyNanos.sum() / 1e9)).append('\n')
                .append("http_server_requests_seconds_count{").append(versionLabel).append("} ")
                .append(Math.max(count, cumulative)).append('\n');

        out.append("# HELP process_cpu_seconds_total CPU time the process has used, in seconds.\n")
                .append("# TYPE process_cpu_seconds_total counter\n")
                .append("process_cpu_seconds_total ").append(format(cpuSeconds())).append('\n');
        return out.toString();
    }

    private void bucket(StringBuilder out, String le, long value) {
        out.append("http_server_requests_seconds_bucket{").append(versionLabel).append(",le=\"").append(le)
                .append("\"} ").append(value).append('\n');
    }

    private static double cpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            if (nanos >= 0) {
                return nanos / 1e9;
            }
        }
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
