package io.clusterdeploy.provider.aws;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.ec2.model.ResponseLaunchTemplateData;

/**
 * What a server group runs, read back from AWS as a deploy spec ({@link ServerGroupSpec}'s keys): the launch
 * template version it launches with (image, instance type, key pair, instance profile, user data) and the Auto
 * Scaling group (subnets or zones, the tags it gives its instances, its health check). A canary's baseline is
 * created from it. Load balancers and security groups travel in the create request, not in the spec.
 */
final class CanarySpecs {
    private final AwsErrors errors;

    CanarySpecs(AwsErrors errors) {
        this.errors = errors;
    }

    Optional<Map<String, Object>> of(AwsRegion region, String name) {
        Optional<GroupRead> read = errors.call("DescribeAutoScalingGroups " + name, () -> region.readGroup(name));
        if (read.isEmpty() || read.get().launchTemplate().isEmpty()) {
            return Optional.empty();
        }
        LaunchTemplateSpecification lt = read.get().launchTemplate().get();
        String version = lt.version() == null ? "$Default" : lt.version();
        Optional<ResponseLaunchTemplateData> data = errors.call("DescribeLaunchTemplateVersions " + name, () ->
                lt.launchTemplateId() != null ? region.reader.launchTemplateVersion(lt.launchTemplateId(), version)
                        : region.clients.ec2.describeLaunchTemplateVersions(r -> r.launchTemplateName(lt.launchTemplateName())
                                .versions(version)).launchTemplateVersions().stream().findFirst())
                .map(v -> v.launchTemplateData());
        if (data.isEmpty() || data.get().imageId() == null) {
            return Optional.empty();
        }
        ResponseLaunchTemplateData d = data.get();
        AutoScalingGroup asg = read.get().asg();
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("imageId", d.imageId());
        spec.put("instanceType", d.instanceTypeAsString());
        if (d.keyName() != null) {
            spec.put("keyName", d.keyName());
        }
        if (d.iamInstanceProfile() != null) {
            spec.put("iamInstanceProfile", d.iamInstanceProfile().arn() != null ? d.iamInstanceProfile().arn()
                    : d.iamInstanceProfile().name());
        }
        if (d.userData() != null) {
            spec.put("userData", new String(Base64.getDecoder().decode(d.userData()), StandardCharsets.UTF_8));
        }
        if (asg.vpcZoneIdentifier() != null && !asg.vpcZoneIdentifier().isBlank()) {
            spec.put("subnetIds", Arrays.stream(asg.vpcZoneIdentifier().split(",")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList());
        } else {
            spec.put("availabilityZones", List.copyOf(asg.availabilityZones()));
        }
        Map<String, String> tags = new LinkedHashMap<>();
        asg.tags().stream().filter(t -> Boolean.TRUE.equals(t.propagateAtLaunch()) && !t.key().startsWith("aws:")
                        && !t.key().startsWith(AwsTags.PREFIX))
                .forEach(t -> tags.put(t.key(), t.value()));
        spec.put("tags", tags);
        spec.put("healthCheckType", asg.healthCheckType());
        spec.put("healthCheckGracePeriodSeconds", asg.healthCheckGracePeriod() == null ? 0 : asg.healthCheckGracePeriod());
        return Optional.of(spec);
    }
}
