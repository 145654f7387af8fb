package io.clusterdeploy.provider.aws;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Fields;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What an AWS server group runs: {@code CreateServerGroupRequest.spec} parsed. Everything goes into the group's
 * own launch template, so the template alone says what an instance of the group is.
 *
 * @param imageId                             the AMI
 * @param instanceType                        the EC2 instance type
 * @param keyName                             key pair, or null
 * @param iamInstanceProfile                  instance profile name or ARN, or null
 * @param userData                            user data as text (sent base64-encoded), or null
 * @param subnetIds                           VPC subnets (the group's zones follow from them)
 * @param availabilityZones                   zones, when no subnets are given (EC2-Classic style / default VPC)
 * @param tags                                tags of the group, propagated to its instances
 * @param healthCheckType                     EC2 or ELB
 * @param healthCheckGracePeriodSeconds       grace period before the ASG acts on health checks
 * @param copySourceScalingPoliciesAndActions copy the source group's scaling policies and scheduled actions
 * @param copySourceLifecycleHooks            copy the source group's lifecycle hooks
 * @param targetGroups                        target groups to create or update before the group is created
 * @param securityGroupIngress                security groups to create or update (full ingress), by name
 */
record ServerGroupSpec(String imageId, String instanceType, String keyName, String iamInstanceProfile, String userData,
                       List<String> subnetIds, List<String> availabilityZones, Map<String, String> tags,
                       String healthCheckType, int healthCheckGracePeriodSeconds,
                       boolean copySourceScalingPoliciesAndActions, boolean copySourceLifecycleHooks,
                       Map<String, TargetGroupSpec> targetGroups, Map<String, List<IngressRule>> securityGroupIngress) {

    private static final Pattern IMAGE = Pattern.compile("ami-[0-9a-f]{8,17}");
    private static final Pattern INSTANCE_TYPE = Pattern.compile("[a-z0-9-]+\\.[a-z0-9-]+");
    private static final Pattern SUBNET = Pattern.compile("subnet-[0-9a-f]{8,17}");
    private static final int MAX_USER_DATA_BASE64 = 16 * 1024;

    static ServerGroupSpec parse(Map<String, Object> spec, boolean hasLoadBalancers, int defaultDeregistrationDelay) {
        Fields f = new Fields("spec", spec);
        String image = f.requiredString("imageId");
        if (!IMAGE.matcher(image).matches()) {
            throw ClusterDeployException.invalid(f.path("imageId"), f.path("imageId") + ": '" + image
                    + "' is not an AMI id (ami-…)");
        }
        String type = f.requiredString("instanceType");
        if (!INSTANCE_TYPE.matcher(type).matches()) {
            throw ClusterDeployException.invalid(f.path("instanceType"), f.path("instanceType") + ": '" + type
                    + "' is not an instance type (family.size, e.g. t3.micro)");
        }
        String key = blankToNull(f.optionalString("keyName", null));
        String profile = blankToNull(f.optionalString("iamInstanceProfile", null));
        String userData = f.optionalString("userData", null);
        if (userData != null && base64(userData).length() > MAX_USER_DATA_BASE64) {
            throw ClusterDeployException.invalid(f.path("userData"), f.path("userData")
                    + " is larger than AWS's 16 KB (base64-encoded)");
        }
        List<String> subnets = f.optionalStringList("subnetIds");
        for (int i = 0; i < subnets.size(); i++) {
            if (!SUBNET.matcher(subnets.get(i)).matches()) {
                throw ClusterDeployException.invalid(f.path("subnetIds") + "[" + i + "]", f.path("subnetIds") + "[" + i
                        + "]: '" + subnets.get(i) + "' is not a subnet id (subnet-…)");
            }
        }
        List<String> zones = f.optionalStringList("availabilityZones");
        if (subnets.isEmpty() == zones.isEmpty()) {
            throw ClusterDeployException.invalid(f.path("subnetIds"), "give exactly one of " + f.path("subnetIds")
                    + " and " + f.path("availabilityZones"));
        }
        Map<String, String> tags = new LinkedHashMap<>();
        f.optionalMap("tags").forEach((k, v) -> {
            if (!(v instanceof String || v instanceof Number || v instanceof Boolean)) {
                throw ClusterDeployException.invalid(f.path("tags") + "." + k, f.path("tags") + "." + k + " must be text");
            }
            if (k.startsWith("aws:") || k.startsWith(AwsTags.PREFIX) || k.length() > 128 || String.valueOf(v).length() > 256) {
                throw ClusterDeployException.invalid(f.path("tags") + "." + k, f.path("tags") + "." + k
                        + ": keys may not start with aws: or " + AwsTags.PREFIX + "; at most 128 characters per key and 256"
                        + " per value");
            }
            tags.put(k, String.valueOf(v));
        });
        String check = f.optionalString("healthCheckType", hasLoadBalancers ? "ELB" : "EC2");
        if (!check.equals("EC2") && !check.equals("ELB")) {
            throw ClusterDeployException.invalid(f.path("healthCheckType"), f.path("healthCheckType") + " must be EC2 or ELB");
        }
        int grace = f.optionalInt("healthCheckGracePeriodSeconds", 300, 0, 7200);
        boolean copyPolicies = f.optionalBoolean("copySourceScalingPoliciesAndActions", true);
        boolean copyHooks = f.optionalBoolean("copySourceLifecycleHooks", true);
        Map<String, TargetGroupSpec> targetGroups = new LinkedHashMap<>();
        Fields tgs = f.object("targetGroups");
        for (String name : tgs.raw().keySet()) {
            AwsNames.targetGroup(tgs.path(name), name);
            targetGroups.put(name, TargetGroupSpec.parse(tgs.object(name), defaultDeregistrationDelay));
        }
        Map<String, List<IngressRule>> ingress = IngressRule.parseGroups(f, "securityGroupIngress");
        f.rejectUnknown();
        return new ServerGroupSpec(image, type, key, profile, userData, subnets, zones, Map.copyOf(tags), check, grace,
                copyPolicies, copyHooks, Map.copyOf(targetGroups), Map.copyOf(ingress));
    }

    String userDataBase64() {
        return userData == null ? null : base64(userData);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
