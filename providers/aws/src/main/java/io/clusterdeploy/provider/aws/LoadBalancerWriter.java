package io.clusterdeploy.provider.aws;

import io.clusterdeploy.engine.error.ClusterDeployException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerSchemeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;

/**
 * upsertLoadBalancer: the target group, then (when the spec has one) the load balancer in front of it and its
 * listeners. A listener that already forwards to the target group, alone or weighted with others (a canary), is
 * left as it is; one that forwards elsewhere is pointed at it.
 */
final class LoadBalancerWriter {
    private final AwsErrors errors;
    private final TargetGroupWriter targetGroups;
    private final SecurityGroupWriter securityGroups;

    LoadBalancerWriter(AwsErrors errors, TargetGroupWriter targetGroups, SecurityGroupWriter securityGroups) {
        this.errors = errors;
        this.targetGroups = targetGroups;
        this.securityGroups = securityGroups;
    }

    void upsert(AwsRegion region, String name, LoadBalancerSpec spec) {
        var ec2 = region.clients.ec2;
        String vpc = spec.targetGroup().vpcId();
        if (vpc == null && spec.front() != null && !spec.front().subnetIds().isEmpty()) {
            vpc = errors.call("DescribeSubnets", () -> {
                try {
                    return ec2.describeSubnets(r -> r.subnetIds(spec.front().subnetIds())).subnets().get(0).vpcId();
                } catch (AwsServiceException e) {
                    if (AwsErrors.hasCode(e, "InvalidSubnetID.NotFound", "InvalidSubnetID.Malformed")) {
                        throw ClusterDeployException.invalid("spec.loadBalancer.subnetIds", "spec.loadBalancer.subnetIds: "
                                + "a subnet of " + spec.front().subnetIds() + " does not exist in " + region.name());
                    }
                    throw e;
                }
            });
        }
        if (vpc == null) {
            vpc = errors.call("DescribeVpcs", () -> ec2.describeVpcs(r -> r.filters(f -> f.name("isDefault").values("true")))
                    .vpcs().stream().findFirst().map(v -> v.vpcId()).orElseThrow(() -> ClusterDeployException.invalid(
                            "spec.vpcId", "spec.vpcId is required: region " + region.name() + " has no default VPC")));
        }
        String vpcId = vpc;
        Map<String, String> sgIds = Map.of();
        if (spec.front() != null && !spec.front().securityGroups().isEmpty() || !spec.securityGroupIngress().isEmpty()) {
            List<String> wanted = spec.front() == null ? List.of() : spec.front().securityGroups();
            Map<String, String> known = new java.util.HashMap<>();
            errors.call("DescribeSecurityGroups", () -> region.reader.securityGroups()).stream()
                    .filter(sg -> vpcId.equals(sg.vpcId()))
                    .forEach(sg -> {
                        known.put(sg.groupName(), sg.groupId());
                        known.put(sg.groupId(), sg.groupId());
                    });
            for (int i = 0; i < wanted.size(); i++) {
                if (!known.containsKey(wanted.get(i)) && !spec.securityGroupIngress().containsKey(wanted.get(i))) {
                    throw ClusterDeployException.invalid("spec.loadBalancer.securityGroups[" + i + "]",
                            "spec.loadBalancer.securityGroups[" + i + "]: security group '" + wanted.get(i)
                                    + "' does not exist in " + vpcId);
                }
            }
            sgIds = securityGroups.upsert(region, vpcId, spec.securityGroupIngress(), known);
        }
        String tgArn = targetGroups.upsert(region, name, spec.targetGroup(), vpcId);
        if (spec.front() != null) {
            front(region, spec.front(), tgArn, sgIds);
        }
    }

    private void front(AwsRegion region, LoadBalancerSpec.Front front, String tgArn, Map<String, String> sgIds) {
        var elb = region.clients.elb;
        Optional<LoadBalancer> existing = errors.call("DescribeLoadBalancers " + front.name(), () -> named(region, front.name()));
        String lbArn;
        if (existing.isPresent()) {
            lbArn = existing.get().loadBalancerArn();
        } else {
            if (front.subnetIds().isEmpty()) {
                throw ClusterDeployException.invalid("spec.loadBalancer.subnetIds", "spec.loadBalancer.subnetIds is"
                        + " required to create load balancer '" + front.name() + "'");
            }
            List<String> groups = front.securityGroups().stream().map(sgIds::get).toList();
            // A retry could make a second load balancer of the name (moto does): read back before each retry.
            lbArn = Idempotent.createOnce(errors, region.clients.retries, "CreateLoadBalancer " + front.name(),
                    () -> region.clients.elbOnce.createLoadBalancer(r -> {
                r.name(front.name()).type(LoadBalancerTypeEnum.fromValue(front.type()))
                        .scheme(LoadBalancerSchemeEnum.fromValue(front.scheme())).subnets(front.subnetIds());
                if (!groups.isEmpty()) {
                    r.securityGroups(groups);
                }
            }).loadBalancers().get(0).loadBalancerArn(), () -> named(region, front.name())
                    .map(LoadBalancer::loadBalancerArn));
        }
        List<Listener> listeners = errors.call("DescribeListeners " + front.name(), () -> region.reader.listeners(lbArn));
        for (LoadBalancerSpec.ListenerSpec l : front.listeners()) {
            Optional<Listener> on = listeners.stream().filter(x -> x.port() == l.port()).findFirst();
            Action forward = Action.builder().type(ActionTypeEnum.FORWARD).targetGroupArn(tgArn).build();
            if (on.isEmpty()) {
                // A retry could make a second listener on the port (moto does): read back before each retry.
                Idempotent.createOnce(errors, region.clients.retries, "CreateListener " + front.name() + ":" + l.port(),
                        () -> region.clients.elbOnce.createListener(r -> r.loadBalancerArn(lbArn).port(l.port())
                                .protocol(ProtocolEnum.fromValue(l.protocol())).defaultActions(forward)).listeners(),
                        () -> Optional.of(region.reader.listeners(lbArn)).filter(ls -> ls.stream().anyMatch(x ->
                                x.port() == l.port() && forwardsTo(x.defaultActions(), tgArn))));
            } else if (!forwardsTo(on.get().defaultActions(), tgArn)) {
                errors.run("ModifyListener " + front.name() + ":" + l.port(), () -> elb.modifyListener(r -> r
                        .listenerArn(on.get().listenerArn()).defaultActions(forward)));
            }
        }
    }

    private static Optional<LoadBalancer> named(AwsRegion region, String name) {
        try {
            return region.clients.elb.describeLoadBalancers(r -> r.names(name)).loadBalancers().stream().findFirst();
        } catch (AwsServiceException e) {
            if (AwsErrors.hasCode(e, "LoadBalancerNotFound")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    static boolean forwardsTo(List<Action> actions, String tgArn) {
        for (Action a : actions) {
            if (a.type() != ActionTypeEnum.FORWARD) {
                continue;
            }
            if (tgArn.equals(a.targetGroupArn())) {
                return true;
            }
            if (a.forwardConfig() != null && a.forwardConfig().targetGroups().stream()
                    .anyMatch(t -> tgArn.equals(t.targetGroupArn()))) {
                return true;
            }
        }
        return false;
    }

    static List<String> forwardTargets(List<Action> actions) {
        List<String> out = new ArrayList<>();
        for (Action a : actions) {
            if (a.type() == ActionTypeEnum.FORWARD) {
                if (a.targetGroupArn() != null) {
                    out.add(a.targetGroupArn());
                }
                if (a.forwardConfig() != null) {
                    a.forwardConfig().targetGroups().forEach(t -> out.add(t.targetGroupArn()));
                }
            }
        }
        return out;
    }
}
