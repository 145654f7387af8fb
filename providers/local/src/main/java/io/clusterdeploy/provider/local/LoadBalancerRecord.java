package io.clusterdeploy.provider.local;

/**
 * A load balancer as recorded under {@code <stateDir>/load-balancers/<name>.json}.
 *
 * @param format record format version, {@link #FORMAT}
 * @param name   the load balancer's name
 * @param port   the loopback port it listens on
 */
record LoadBalancerRecord(int format, String name, int port) {
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
    }

    LoadBalancerRecord(String name, int port) {
        this(FORMAT, name, port);
    }
}
