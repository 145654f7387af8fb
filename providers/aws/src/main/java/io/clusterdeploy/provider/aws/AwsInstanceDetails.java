package io.clusterdeploy.provider.aws;

import io.clusterdeploy.engine.model.HealthState;
import io.clusterdeploy.engine.provider.InstanceDetails;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

/**
 * An EC2 instance of an Auto Scaling group as the instance panel shows it, from what the cache already holds: Auto
 * Scaling's health and each target group's target health as the checks (what {@link InstanceHealth} decides from),
 * zone, type, lifecycle and private IP as the facts. From a group read the caller has; no call of its own.
 */
final class AwsInstanceDetails {
    private AwsInstanceDetails() {
    }

    static InstanceDetails of(GroupRead read, Instance instance, Map<String, TargetGroup> targetGroupsByArn,
                              RegionCache.InstanceInfo info) {
        List<InstanceDetails.HealthCheck> checks = new ArrayList<>();
        String asgHealth = instance.healthStatus();
        checks.add(new InstanceDetails.HealthCheck("auto scaling", "health of " + read.name(),
                asgHealth == null ? HealthState.UNKNOWN
                        : "Healthy".equalsIgnoreCase(asgHealth) ? HealthState.UP : HealthState.DOWN,
                asgHealth == null ? "not reported" : asgHealth, null));
        for (String arn : read.targetGroupArns()) {
            TargetGroup tg = targetGroupsByArn.get(arn);
            String state = read.targetStates().getOrDefault(arn, Map.of()).get(instance.instanceId());
            checks.add(new InstanceDetails.HealthCheck("target group", "target group "
                    + (tg == null ? arn : tg.targetGroupName()) + (tg == null || tg.healthCheckPath() == null ? ""
                    : ": " + tg.healthCheckProtocolAsString() + " " + tg.healthCheckPath()),
                    state == null ? HealthState.OUT_OF_SERVICE : targetState(state),
                    state == null ? "not registered" : state, null));
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("availability zone", orUnknown(instance.availabilityZone()));
        facts.put("instance type", orUnknown(instance.instanceType()));
        facts.put("lifecycle", orUnknown(instance.lifecycleStateAsString()));
        facts.put("private IP", info == null || info.privateIp() == null ? "unknown" : info.privateIp());
        if (instance.launchTemplate() != null) {
            facts.put("launch template version", orUnknown(instance.launchTemplate().version()));
        }
        return new InstanceDetails(checks, facts);
    }

    private static HealthState targetState(String state) {
        return switch (state) {
            case "healthy" -> HealthState.UP;
            case "initial" -> HealthState.STARTING;
            case "draining", "unused" -> HealthState.OUT_OF_SERVICE;
            case "unhealthy" -> HealthState.DOWN;
            default -> HealthState.UNKNOWN;
        };
    }

    private static String orUnknown(String v) {
        return v == null || v.isBlank() ? "unknown" : v;
    }
}
