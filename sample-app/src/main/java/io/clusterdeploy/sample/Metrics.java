package io.clusterdeploy.sample;

import java.util.concurrent.atomic.LongAdder;

/** Request counters of one app instance, rendered in the Prometheus text exposition format. */
final class Metrics {
    private final String version;
    private final LongAdder requests = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder healthChecks = new LongAdder();

    Metrics(String version) {
        this.version = version;
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

    String render() {
        String label = "{version=\"" + version.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        return "# HELP requests_total Requests to / by version.\n"
                + "# TYPE requests_total counter\n"
                + "requests_total" + label + " " + requests.sum() + "\n"
                + "# HELP errors_total Requests to / answered with a server error, by version.\n"
                + "# TYPE errors_total counter\n"
                + "errors_total" + label + " " + errors.sum() + "\n"
                + "# HELP health_checks_total Requests to the health endpoint, by version.\n"
                + "# TYPE health_checks_total counter\n"
                + "health_checks_total" + label + " " + healthChecks.sum() + "\n";
    }
}
