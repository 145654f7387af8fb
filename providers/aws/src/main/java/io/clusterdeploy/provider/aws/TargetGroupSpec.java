package io.clusterdeploy.provider.aws;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Fields;
import java.util.List;
import java.util.Locale;

/**
 * A target group the provider creates or updates: the instances' port and protocol, its health check and its
 * draining time. {@code vpcId} null means the VPC of the subnets, or the region's default VPC.
 */
record TargetGroupSpec(int port, String protocol, String vpcId, String healthCheckPath, String healthCheckPort,
                       String healthCheckProtocol, int intervalSeconds, int timeoutSeconds, int healthyThreshold,
                       int unhealthyThreshold, String matcher, int deregistrationDelaySeconds) {

    private static final List<String> PROTOCOLS = List.of("HTTP", "HTTPS", "TCP", "TLS", "UDP", "TCP_UDP");

    static TargetGroupSpec parse(Fields f, int defaultDeregistrationDelay) {
        int port = f.requiredInt("port", 1, 65_535);
        String protocol = f.optionalString("protocol", "HTTP").toUpperCase(Locale.ROOT);
        if (!PROTOCOLS.contains(protocol)) {
            throw ClusterDeployException.invalid(f.path("protocol"), f.path("protocol") + " must be one of " + PROTOCOLS);
        }
        String vpc = f.optionalString("vpcId", null);
        if (vpc != null && !vpc.matches("vpc-[0-9a-f]{8,17}")) {
            throw ClusterDeployException.invalid(f.path("vpcId"), f.path("vpcId") + ": '" + vpc + "' is not a VPC id");
        }
        Fields hc = f.object("healthCheck");
        boolean http = protocol.startsWith("HTTP");
        String hcProtocol = hc.optionalString("protocol", http ? protocol : "TCP").toUpperCase(Locale.ROOT);
        String path = hc.optionalString("path", hcProtocol.startsWith("HTTP") ? "/health" : null);
        if (path != null && (!path.startsWith("/") || path.length() > 1024)) {
            throw ClusterDeployException.invalid(hc.path("path"), hc.path("path") + " must start with '/'");
        }
        String hcPort = hc.optionalString("port", "traffic-port");
        if (!hcPort.equals("traffic-port") && !hcPort.matches("[0-9]{1,5}")) {
            throw ClusterDeployException.invalid(hc.path("port"), hc.path("port") + " must be traffic-port or a port");
        }
        int interval = hc.optionalInt("intervalSeconds", 30, 5, 300);
        int timeout = hc.optionalInt("timeoutSeconds", http ? 5 : 10, 2, 120);
        if (timeout >= interval) {
            throw ClusterDeployException.invalid(hc.path("timeoutSeconds"), hc.path("timeoutSeconds")
                    + " must be less than intervalSeconds (" + interval + ")");
        }
        int healthy = hc.optionalInt("healthyThreshold", 5, 2, 10);
        int unhealthy = hc.optionalInt("unhealthyThreshold", 2, 2, 10);
        String matcher = hc.optionalString("matcher", http ? "200-399" : null);
        hc.rejectUnknown();
        int delay = f.optionalInt("deregistrationDelaySeconds", defaultDeregistrationDelay, 0, 3600);
        return new TargetGroupSpec(port, protocol, vpc, path, hcPort, hcProtocol, interval, timeout, healthy, unhealthy,
                matcher, delay);
    }
}
