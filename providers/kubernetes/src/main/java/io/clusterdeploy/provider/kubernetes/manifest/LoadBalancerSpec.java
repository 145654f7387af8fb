package io.clusterdeploy.provider.kubernetes.manifest;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Fields;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A Service as a load balancer: {@code UpsertLoadBalancerRequest.spec}, or one entry of a deploy's
 * {@code spec.services}. The selector is what enabling copies onto a server group's pods; by default it is a key of
 * its own per Service ({@code lb.clusterdeploy.io/NAME: "true"}), which can never be one of the workload's labels.
 *
 * @param name       Service name
 * @param port       the Service port
 * @param targetPort the container port, a number or a port name
 * @param protocol   TCP, UDP or SCTP
 * @param type       ClusterIP, NodePort or LoadBalancer
 * @param selector   the Service selector: non-empty
 */
public record LoadBalancerSpec(String name, int port, Object targetPort, String protocol, String type,
                               Map<String, String> selector) {
    private static final Set<String> TYPES = Set.of("ClusterIP", "NodePort", "LoadBalancer");
    private static final Set<String> PROTOCOLS = Set.of("TCP", "UDP", "SCTP");

    public LoadBalancerSpec {
        selector = Map.copyOf(selector);
    }

    /** Errors name {@code prefix.KEY}; unknown keys are errors. */
    public static LoadBalancerSpec parse(String prefix, String name, Map<String, Object> spec) {
        Fields f = new Fields(prefix, spec);
        int port = f.requiredInt("port", 1, 65_535);
        Object targetPort = targetPort(f, port);
        String protocol = f.optionalString("protocol", "TCP");
        if (!PROTOCOLS.contains(protocol)) {
            throw ClusterDeployException.invalid(f.path("protocol"), f.path("protocol") + " must be one of " + PROTOCOLS);
        }
        String type = f.optionalString("type", "ClusterIP");
        if (!TYPES.contains(type)) {
            throw ClusterDeployException.invalid(f.path("type"), f.path("type") + " must be one of " + TYPES);
        }
        Map<String, String> selector = selector(f, name);
        f.rejectUnknown();
        return new LoadBalancerSpec(name, port, targetPort, protocol, type, selector);
    }

    /** The selector a Service gets when its spec names none. */
    public static Map<String, String> defaultSelector(String serviceName) {
        return Map.of(Keys.LOAD_BALANCER_SELECTOR_PREFIX + serviceName, "true");
    }

    private static Object targetPort(Fields f, int port) {
        Object raw = f.raw().get("targetPort");
        f.has("targetPort");
        if (raw == null) {
            return port;
        }
        if (raw instanceof String s && !s.matches("[0-9]+")) {
            KubernetesNames.requireDns1123Label(f.path("targetPort"), "port name", s);
            return s;
        }
        return f.optionalInt("targetPort", port, 1, 65_535);
    }

    private static Map<String, String> selector(Fields f, String name) {
        if (!f.has("selector")) {
            return defaultSelector(name);
        }
        Map<String, Object> raw = f.optionalMap("selector");
        if (raw.isEmpty()) {
            throw ClusterDeployException.invalid(f.path("selector"), f.path("selector") + " must not be empty: an empty"
                    + " selector would send the Service's traffic to every pod of the namespace");
        }
        Map<String, String> out = new TreeMap<>();
        raw.forEach((k, v) -> {
            String at = f.path("selector") + "." + k;
            if (k.startsWith(Keys.PREFIX)) {
                throw ClusterDeployException.invalid(at, at + ": " + Keys.PREFIX + " keys identify server groups and"
                        + " cannot select traffic; leave the selector out to get " + defaultSelector(name));
            }
            if (!(v instanceof String s)) {
                throw ClusterDeployException.invalid(at, at + " must be a string");
            }
            KubernetesNames.requireLabelKey(at, k);
            KubernetesNames.requireLabelValue(at, s);
            out.put(k, s);
        });
        return out;
    }
}
