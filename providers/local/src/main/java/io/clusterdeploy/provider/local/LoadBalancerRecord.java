package io.clusterdeploy.provider.local;

import java.util.Map;
import java.util.TreeMap;

/**
 * A load balancer as recorded under {@code <stateDir>/load-balancers/<name>.json}.
 *
 * @param format         record format version, {@link #FORMAT}
 * @param name           the load balancer's name
 * @param port           the loopback port it listens on
 * @param trafficWeights the percentage of its requests each named server group gets (empty: none set;
 *                       absent in records written before weights existed)
 */
record LoadBalancerRecord(int format, String name, int port, Map<String, Integer> trafficWeights) {
    static final int FORMAT = 1;

    LoadBalancerRecord {
        if (format != FORMAT) {
            throw new IllegalArgumentException("format must be " + FORMAT + ", was " + format);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
        }
        trafficWeights = trafficWeights == null ? Map.of() : TrafficWeights.check(trafficWeights);
    }

    LoadBalancerRecord(String name, int port, Map<String, Integer> trafficWeights) {
        this(FORMAT, name, port, trafficWeights);
    }

    LoadBalancerRecord(String name, int port) {
        this(FORMAT, name, port, Map.of());
    }

    /** Ordered by name, so the file reads the same whatever map it was given. */
    @Override
    public Map<String, Integer> trafficWeights() {
        return new TreeMap<>(trafficWeights);
    }
}
