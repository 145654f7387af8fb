package io.clusterdeploy.provider.aws;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * Creates or updates security groups so that their ingress is exactly the rules given: missing rules are
 * authorized, rules not given are revoked, and a group that does not exist is created in the VPC. Groups named
 * as sources resolve by name in the same VPC.
 */
final class SecurityGroupWriter {
    private final AwsErrors errors;

    SecurityGroupWriter(AwsErrors errors) {
        this.errors = errors;
    }

    /** Returns the id of every group, upserted or already known, by name. */
    Map<String, String> upsert(AwsRegion region, String vpcId, Map<String, List<IngressRule>> groups,
                               Map<String, String> knownIds) {
        Map<String, String> ids = new HashMap<>(knownIds);
        var ec2 = region.clients.ec2;
        for (String name : groups.keySet()) {
            if (!ids.containsKey(name)) {
                // A retry after a lost answer finds the group (InvalidGroup.Duplicate): read back by name.
                String id = Idempotent.call(errors, "CreateSecurityGroup " + name, () -> ec2.createSecurityGroup(r -> r
                        .groupName(name).vpcId(vpcId).description("Cluster Deploy: " + name)).groupId(),
                        () -> region.reader.securityGroupsNamed(vpcId, List.of(name)).stream().findFirst()
                                .map(SecurityGroup::groupId));
                ids.put(name, id);
            }
        }
        for (Map.Entry<String, List<IngressRule>> e : groups.entrySet()) {
            String id = ids.get(e.getKey());
            List<IpPermission> wanted = new ArrayList<>();
            for (IngressRule rule : e.getValue()) {
                wanted.add(permission(rule, ids, region, vpcId));
            }
            SecurityGroup current = errors.call("DescribeSecurityGroups " + e.getKey(),
                    () -> ec2.describeSecurityGroups(r -> r.groupIds(id)).securityGroups().get(0));
            List<IpPermission> have = flatten(current.ipPermissions());
            List<IpPermission> add = wanted.stream().filter(w -> !have.contains(w)).toList();
            List<IpPermission> remove = have.stream().filter(h -> !wanted.contains(h)).toList();
            // Retries after a lost answer find the rules there (InvalidPermission.Duplicate) or gone
            // (InvalidPermission.NotFound): the group is read back and judged by its rules.
            if (!add.isEmpty()) {
                Idempotent.run(errors, "AuthorizeSecurityGroupIngress " + e.getKey(),
                        () -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(add)),
                        () -> rules(region, id).containsAll(add));
            }
            if (!remove.isEmpty()) {
                Idempotent.run(errors, "RevokeSecurityGroupIngress " + e.getKey(),
                        () -> ec2.revokeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(remove)),
                        () -> rules(region, id).stream().noneMatch(remove::contains));
            }
        }
        return ids;
    }

    private static List<IpPermission> rules(AwsRegion region, String groupId) {
        return flatten(region.clients.ec2.describeSecurityGroups(r -> r.groupIds(groupId)).securityGroups().get(0)
                .ipPermissions());
    }

    private static IpPermission permission(IngressRule rule, Map<String, String> ids, AwsRegion region, String vpcId) {
        IpPermission.Builder b = IpPermission.builder().ipProtocol(rule.protocol());
        if (!rule.protocol().equals("-1")) {
            b.fromPort(rule.fromPort()).toPort(rule.toPort());
        }
        if (rule.cidr() != null) {
            if (rule.cidr().contains(":")) {
                b.ipv6Ranges(Ipv6Range.builder().cidrIpv6(rule.cidr()).build());
            } else {
                b.ipRanges(IpRange.builder().cidrIp(rule.cidr()).build());
            }
        } else {
            String source = ids.get(rule.sourceGroup());
            if (source == null) {
                source = region.reader.securityGroupsNamed(vpcId, List.of(rule.sourceGroup())).stream()
                        .findFirst().map(SecurityGroup::groupId).orElseThrow(() ->
                                io.clusterdeploy.engine.error.ClusterDeployException.invalid("sourceSecurityGroup",
                                        "security group '" + rule.sourceGroup() + "' does not exist"));
            }
            b.userIdGroupPairs(UserIdGroupPair.builder().groupId(source).build());
        }
        return b.build();
    }

    /** One permission per source, without descriptions, so that sets compare rule by rule. */
    static List<IpPermission> flatten(List<IpPermission> permissions) {
        List<IpPermission> out = new ArrayList<>();
        for (IpPermission p : permissions) {
            IpPermission.Builder base = IpPermission.builder().ipProtocol(p.ipProtocol());
            if (!"-1".equals(p.ipProtocol())) {
                base.fromPort(p.fromPort()).toPort(p.toPort());
            }
            IpPermission proto = base.build();
            p.ipRanges().forEach(r -> out.add(proto.toBuilder().ipRanges(IpRange.builder().cidrIp(r.cidrIp()).build()).build()));
            p.ipv6Ranges().forEach(r -> out.add(proto.toBuilder()
                    .ipv6Ranges(Ipv6Range.builder().cidrIpv6(r.cidrIpv6()).build()).build()));
            p.userIdGroupPairs().forEach(g -> out.add(proto.toBuilder()
                    .userIdGroupPairs(UserIdGroupPair.builder().groupId(g.groupId()).build()).build()));
        }
        return out;
    }
}
