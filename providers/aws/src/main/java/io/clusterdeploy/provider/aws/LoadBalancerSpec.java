package io.clusterdeploy.provider.aws;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code UpsertLoadBalancerRequest.spec} parsed: the target group (the load balancer of the model, named by the
 * request), optionally the ALB or NLB in front of it with listeners forwarding to it, and security groups to upsert.
 */
record LoadBalancerSpec(TargetGroupSpec targetGroup, Front front, Map<String, List<IngressRule>> securityGroupIngress) {

    /** The ELBv2 load balancer in front of the target group. */
    record Front(String name, String type, String scheme, List<String> subnetIds, List<String> securityGroups,
                 List<ListenerSpec> listeners) {
    }

    record ListenerSpec(int port, String protocol) {
    }

    static LoadBalancerSpec parse(String targetGroupName, Map<String, Object> raw, int defaultDeregistrationDelay) {
        Fields f = new Fields("spec", raw);
        Map<String, Object> tgFields = new java.util.LinkedHashMap<>(raw);
        tgFields.remove("loadBalancer");
        tgFields.remove("securityGroupIngress");
        TargetGroupSpec tg = TargetGroupSpec.parse(new Fields("spec", tgFields), defaultDeregistrationDelay);
        for (String k : List.of("port", "protocol", "vpcId", "healthCheck", "deregistrationDelaySeconds")) {
            f.has(k);
        }
        Front front = null;
        if (f.has("loadBalancer")) {
            Fields lb = f.object("loadBalancer");
            String name = lb.optionalString("name", targetGroupName);
            AwsNames.loadBalancer(lb.path("name"), name);
            String type = lb.optionalString("type", "application").toLowerCase(Locale.ROOT);
            if (!type.equals("application") && !type.equals("network")) {
                throw ClusterDeployException.invalid(lb.path("type"), lb.path("type") + " must be application or network");
            }
            String scheme = lb.optionalString("scheme", "internal");
            if (!scheme.equals("internal") && !scheme.equals("internet-facing")) {
                throw ClusterDeployException.invalid(lb.path("scheme"), lb.path("scheme")
                        + " must be internal or internet-facing");
            }
            List<String> subnets = lb.optionalStringList("subnetIds");
            List<String> groups = lb.optionalStringList("securityGroups");
            if (type.equals("network") && !groups.isEmpty()) {
                throw ClusterDeployException.invalid(lb.path("securityGroups"), lb.path("securityGroups")
                        + " applies to application load balancers only");
            }
            List<ListenerSpec> listeners = new ArrayList<>();
            if (lb.has("listeners")) {
                if (!(lb.raw().get("listeners") instanceof List<?> list)) {
                    throw ClusterDeployException.invalid(lb.path("listeners"), lb.path("listeners") + " must be a list");
                }
                for (int i = 0; i < list.size(); i++) {
                    String at = lb.path("listeners") + "[" + i + "]";
                    if (!(list.get(i) instanceof Map<?, ?> m)) {
                        throw ClusterDeployException.invalid(at, at + " must be an object");
                    }
                    Map<String, Object> lm = new java.util.LinkedHashMap<>();
                    m.forEach((k, v) -> lm.put(String.valueOf(k), v));
                    Fields l = new Fields(at, lm);
                    int port = l.requiredInt("port", 1, 65_535);
                    String protocol = l.optionalString("protocol", type.equals("network") ? "TCP" : "HTTP")
                            .toUpperCase(Locale.ROOT);
                    if (!List.of("HTTP", "TCP", "UDP", "TCP_UDP").contains(protocol)) {
                        throw ClusterDeployException.invalid(l.path("protocol"), l.path("protocol")
                                + " must be HTTP, TCP, UDP or TCP_UDP (TLS listeners need certificates, not managed here)");
                    }
                    l.rejectUnknown();
                    listeners.add(new ListenerSpec(port, protocol));
                }
            } else {
                listeners.add(new ListenerSpec(80, type.equals("network") ? "TCP" : "HTTP"));
            }
            lb.rejectUnknown();
            front = new Front(name, type, scheme, subnets, groups, List.copyOf(listeners));
        }
        Map<String, List<IngressRule>> ingress = IngressRule.parseGroups(f, "securityGroupIngress");
        f.rejectUnknown();
        return new LoadBalancerSpec(tg, front, ingress);
    }
}
