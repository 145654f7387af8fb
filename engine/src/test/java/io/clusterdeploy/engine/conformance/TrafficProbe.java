package io.clusterdeploy.engine.conformance;

/** One request through a load balancer and what came back. */
public final class TrafficProbe {
    private TrafficProbe() {
    }

    /**
     * @param ok      2xx
     * @param version the version that answered, or null
     * @param detail  status or error, for failure reports
     */
    public record Answer(boolean ok, String version, String detail) {
        public static Answer success(String version) {
            return new Answer(true, version, "200");
        }

        public static Answer failure(String detail) {
            return new Answer(false, null, detail);
        }
    }
}
