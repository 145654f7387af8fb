package io.clusterdeploy.provider.aws;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.naming.ServerGroupName;
import io.clusterdeploy.engine.provider.CreateServerGroupRequest;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

/**
 * Checks a deploy before anything is created, with reads only: names against AWS's limits, the region, the
 * capacity against the account's limit, and that the image, instance type, key pair, subnets or zones, target
 * groups and security groups exist (moto, like a careless client, would accept unknown images and types).
 */
final class DeployValidator {
    private final String account;
    private final AwsSettings settings;
    private final Function<String, AwsRegion> regions;
    private final AwsErrors errors;

    DeployValidator(String account, AwsSettings settings, Function<String, AwsRegion> regions, AwsErrors errors) {
        this.account = account;
        this.settings = settings;
        this.regions = regions;
        this.errors = errors;
    }

    DeployPlan check(CreateServerGroupRequest request) {
        ServerGroupName.parse(request.name());
        AwsNames.serverGroup("name", request.name());
        AwsRegion region = regions.apply(request.location());
        settings.checkCapacity(account, request.capacity().max());
        ServerGroupSpec spec = ServerGroupSpec.parse(request.spec(), !request.loadBalancers().isEmpty(),
                settings.deregistrationDelaySeconds());
        var ec2 = region.clients.ec2;
        notFoundAs("spec.imageId", "image '" + spec.imageId() + "' does not exist in " + region.name(), () -> {
            if (ec2.describeImages(r -> r.imageIds(spec.imageId())).images().isEmpty()) {
                throw missing("spec.imageId", "image '" + spec.imageId() + "' does not exist in " + region.name());
            }
        }, "InvalidAMIID.NotFound", "InvalidAMIID.Malformed", "InvalidAMIID.Unavailable");
        notFoundAs("spec.instanceType", "instance type '" + spec.instanceType() + "' does not exist in " + region.name(),
                () -> {
                    if (ec2.describeInstanceTypes(r -> r.instanceTypesWithStrings(spec.instanceType())).instanceTypes()
                            .isEmpty()) {
                        throw missing("spec.instanceType", "instance type '" + spec.instanceType()
                                + "' is not offered in " + region.name());
                    }
                }, "InvalidInstanceType", "InvalidParameterValue");
        if (spec.keyName() != null) {
            notFoundAs("spec.keyName", "key pair '" + spec.keyName() + "' does not exist in " + region.name(),
                    () -> ec2.describeKeyPairs(r -> r.keyNames(spec.keyName())), "InvalidKeyPair.NotFound");
        }
        String vpcId = vpc(region, spec);
        Map<String, String> tgArns = targetGroups(region, request, spec, vpcId);
        Map<String, String> sgIds = securityGroups(region, request, spec, vpcId);
        return new DeployPlan(region, spec, vpcId, tgArns, sgIds);
    }

    private String vpc(AwsRegion region, ServerGroupSpec spec) {
        var ec2 = region.clients.ec2;
        if (!spec.subnetIds().isEmpty()) {
            List<Subnet> subnets = notFoundAs("spec.subnetIds", "a subnet of " + spec.subnetIds()
                    + " does not exist in " + region.name(), () -> ec2.describeSubnets(r -> r.subnetIds(spec.subnetIds()))
                    .subnets(), "InvalidSubnetID.NotFound", "InvalidSubnetID.Malformed");
            for (int i = 0; i < spec.subnetIds().size(); i++) {
                String id = spec.subnetIds().get(i);
                if (subnets.stream().noneMatch(s -> s.subnetId().equals(id))) {
                    throw missing("spec.subnetIds[" + i + "]", "subnet '" + id + "' does not exist in " + region.name());
                }
            }
            Set<String> vpcs = new HashSet<>(subnets.stream().map(Subnet::vpcId).toList());
            if (vpcs.size() != 1) {
                throw ClusterDeployException.invalid("spec.subnetIds", "spec.subnetIds are in more than one VPC: " + vpcs);
            }
            return vpcs.iterator().next();
        }
        var zones = notFoundAs("spec.availabilityZones", "unknown zone among " + spec.availabilityZones(),
                () -> ec2.describeAvailabilityZones(r -> r.zoneNames(spec.availabilityZones())).availabilityZones(),
                "InvalidParameterValue", "InvalidZone.NotFound");
        for (int i = 0; i < spec.availabilityZones().size(); i++) {
            String z = spec.availabilityZones().get(i);
            if (zones.stream().noneMatch(a -> a.zoneName().equals(z))) {
                throw missing("spec.availabilityZones[" + i + "]", "zone '" + z + "' is not in " + region.name());
            }
        }
        return errors.call("DescribeVpcs", () -> ec2.describeVpcs(r -> r.filters(Filter.builder().name("isDefault")
                .values("true").build())).vpcs().stream().findFirst().map(v -> v.vpcId()).orElse(null));
    }

    private Map<String, String> targetGroups(AwsRegion region, CreateServerGroupRequest request, ServerGroupSpec spec,
                                             String vpcId) {
        for (String defined : spec.targetGroups().keySet()) {
            if (!request.loadBalancers().contains(defined)) {
                throw ClusterDeployException.invalid("spec.targetGroups." + defined, "spec.targetGroups." + defined
                        + " is not among the request's loadBalancers " + request.loadBalancers());
            }
        }
        List<String> lookUp = request.loadBalancers();
        Map<String, TargetGroup> existing = errors.call("DescribeTargetGroups", () -> region.reader.targetGroupsByName(lookUp));
        Map<String, String> arns = new LinkedHashMap<>();
        for (int i = 0; i < request.loadBalancers().size(); i++) {
            String name = request.loadBalancers().get(i);
            String at = "loadBalancers[" + i + "]";
            TargetGroup tg = existing.get(name);
            if (tg == null) {
                if (!spec.targetGroups().containsKey(name)) {
                    throw missing(at, "target group '" + name + "' does not exist in " + region.name()
                            + " (create it with upsertLoadBalancer, or define it in spec.targetGroups)");
                }
                continue;
            }
            if (vpcId != null && tg.vpcId() != null && !vpcId.equals(tg.vpcId())) {
                throw ClusterDeployException.invalid(at, at + ": target group '" + name + "' is in " + tg.vpcId()
                        + ", the server group's subnets in " + vpcId);
            }
            arns.put(name, tg.targetGroupArn());
        }
        return arns;
    }

    private Map<String, String> securityGroups(AwsRegion region, CreateServerGroupRequest request, ServerGroupSpec spec,
                                               String vpcId) {
        for (String defined : spec.securityGroupIngress().keySet()) {
            if (!request.securityGroups().contains(defined)) {
                throw ClusterDeployException.invalid("spec.securityGroupIngress." + defined, "spec.securityGroupIngress."
                        + defined + " is not among the request's securityGroups " + request.securityGroups());
            }
        }
        Set<String> wanted = new java.util.LinkedHashSet<>(request.securityGroups());
        spec.securityGroupIngress().values().forEach(rules -> rules.stream().map(IngressRule::sourceGroup)
                .filter(s -> s != null).forEach(wanted::add));
        List<SecurityGroup> found = errors.call("DescribeSecurityGroups", () -> region.reader.securityGroups()).stream()
                .filter(sg -> vpcId == null || vpcId.equals(sg.vpcId()))
                .filter(sg -> wanted.contains(sg.groupName()) || wanted.contains(sg.groupId())).toList();
        Map<String, String> ids = new LinkedHashMap<>();
        int i = 0;
        for (String g : wanted) {
            String at = i < request.securityGroups().size() ? "securityGroups[" + i + "]" : "spec.securityGroupIngress";
            i++;
            var match = found.stream().filter(sg -> sg.groupName().equals(g) || sg.groupId().equals(g)).findFirst();
            if (match.isPresent()) {
                ids.put(g, match.get().groupId());
            } else if (!spec.securityGroupIngress().containsKey(g)) {
                throw missing(at, "security group '" + g + "' does not exist in " + (vpcId == null ? region.name() : vpcId)
                        + " (define its rules in spec.securityGroupIngress to create it)");
            }
        }
        return ids;
    }

    private <T> T notFoundAs(String field, String message, java.util.function.Supplier<T> call, String... codes) {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            if (AwsErrors.hasCode(e, codes)) {
                throw missing(field, message);
            }
            throw errors.translate(field, e);
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw errors.translate(field, e);
        }
    }

    private void notFoundAs(String field, String message, Runnable call, String... codes) {
        notFoundAs(field, message, () -> {
            call.run();
            return null;
        }, codes);
    }

    private static ClusterDeployException missing(String field, String message) {
        return ClusterDeployException.invalid(field, field + ": " + message);
    }
}
