package io.clusterdeploy.provider.aws;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.autoscaling.model.SuspendedProcess;

/**
 * One Auto Scaling group as read, with what its target groups said of each of its instances.
 *
 * @param asg          the group
 * @param targetStates per target group ARN: instance id → target health state ({@code healthy}, {@code initial},
 *                     {@code draining} …); an instance absent from a map is not registered there
 */
record GroupRead(AutoScalingGroup asg, Map<String, Map<String, String>> targetStates) {
    static final String ADD_TO_LOAD_BALANCER = "AddToLoadBalancer";
    static final String LAUNCH = "Launch";
    static final String TERMINATE = "Terminate";

    GroupRead {
        targetStates = Map.copyOf(targetStates);
    }

    String name() {
        return asg.autoScalingGroupName();
    }

    List<String> targetGroupArns() {
        return asg.targetGroupARNs();
    }

    boolean suspended(String process) {
        return asg.suspendedProcesses().stream().map(SuspendedProcess::processName).anyMatch(process::equals);
    }

    /** Spinnaker's rule: a group is disabled when AddToLoadBalancer is suspended. */
    boolean disabled() {
        return suspended(ADD_TO_LOAD_BALANCER);
    }

    /** Instances that live (not leaving, not in standby): those that serve or may serve. */
    List<software.amazon.awssdk.services.autoscaling.model.Instance> liveInstances() {
        return asg.instances().stream().filter(i -> {
            String s = i.lifecycleStateAsString();
            return s != null && (s.equals("InService") || s.startsWith("Pending"));
        }).toList();
    }

    /** The launch template and version the group launches with, however it names it. */
    Optional<LaunchTemplateSpecification> launchTemplate() {
        if (asg.launchTemplate() != null) {
            return Optional.of(asg.launchTemplate());
        }
        if (asg.mixedInstancesPolicy() != null && asg.mixedInstancesPolicy().launchTemplate() != null) {
            return Optional.ofNullable(asg.mixedInstancesPolicy().launchTemplate().launchTemplateSpecification());
        }
        return Optional.empty();
    }

    /** True when the instance is registered in the target group (in any state but leaving). */
    boolean registered(String targetGroupArn, String instanceId) {
        return takesTraffic(targetStates.getOrDefault(targetGroupArn, Map.of()).get(instanceId));
    }

    /** A target health state of a registered target, one that takes or will take traffic (null: not registered). */
    static boolean takesTraffic(String state) {
        return state != null && !state.equals("draining") && !state.equals("unused");
    }
}
