package io.clusterdeploy.provider.aws;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Fields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One ingress rule of a security group the provider upserts: a protocol, a port range and one source, a CIDR or
 * another security group named by name.
 */
record IngressRule(String protocol, int fromPort, int toPort, String cidr, String sourceGroup) {
    private static final Pattern CIDR4 = Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}/\\d{1,2}");
    private static final Pattern CIDR6 = Pattern.compile("[0-9a-fA-F:]+/\\d{1,3}");

    /** {@code {NAME: [rule, ...]}}: the full ingress of each named group. */
    static Map<String, List<IngressRule>> parseGroups(Fields parent, String key) {
        Map<String, List<IngressRule>> out = new LinkedHashMap<>();
        Map<String, Object> raw = parent.optionalMap(key);
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            String at = parent.path(key) + "." + e.getKey();
            AwsNames.securityGroup(at, e.getKey());
            if (!(e.getValue() instanceof List<?> list)) {
                throw ClusterDeployException.invalid(at, at + " must be a list of rules");
            }
            List<IngressRule> rules = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof Map<?, ?> m)) {
                    throw ClusterDeployException.invalid(at + "[" + i + "]", at + "[" + i + "] must be a rule object");
                }
                Map<String, Object> rule = new LinkedHashMap<>();
                m.forEach((k, v) -> rule.put(String.valueOf(k), v));
                rules.add(parse(new Fields(at + "[" + i + "]", rule)));
            }
            out.put(e.getKey(), List.copyOf(rules));
        }
        return out;
    }

    static IngressRule parse(Fields f) {
        String protocol = f.optionalString("protocol", "tcp").toLowerCase(java.util.Locale.ROOT);
        if (!List.of("tcp", "udp", "icmp", "-1").contains(protocol)) {
            throw ClusterDeployException.invalid(f.path("protocol"), f.path("protocol") + " must be tcp, udp, icmp or -1");
        }
        boolean all = protocol.equals("-1");
        int from = all ? -1 : f.requiredInt("fromPort", protocol.equals("icmp") ? -1 : 0, 65_535);
        int to = all ? -1 : f.optionalInt("toPort", from, from, 65_535);
        String cidr = f.optionalString("cidr", null);
        String source = f.optionalString("sourceSecurityGroup", null);
        if ((cidr == null) == (source == null)) {
            throw ClusterDeployException.invalid(f.path("cidr"), f.path("cidr") + ": give exactly one of cidr and"
                    + " sourceSecurityGroup");
        }
        if (cidr != null && !CIDR4.matcher(cidr).matches() && !CIDR6.matcher(cidr).matches()) {
            throw ClusterDeployException.invalid(f.path("cidr"), f.path("cidr") + ": '" + cidr + "' is not a CIDR block");
        }
        if (source != null) {
            AwsNames.securityGroup(f.path("sourceSecurityGroup"), source);
        }
        f.rejectUnknown();
        return new IngressRule(protocol, from, to, cidr, source);
    }
}
