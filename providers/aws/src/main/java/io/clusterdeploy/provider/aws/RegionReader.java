package io.clusterdeploy.provider.aws;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeRulesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

/**
 * The reads of one region, each paging through every result: the SDK's paginators where the API has them,
 * and the Marker loop where it does not (DescribeRules).
 */
final class RegionReader {
    private final AwsClients clients;

    RegionReader(AwsClients clients) {
        this.clients = clients;
    }

    String region() {
        return clients.region;
    }

    /** One call, plus one DescribeTargetHealth per target group of the group. */
    Optional<GroupRead> group(String name) {
        Optional<AutoScalingGroup> asg = clients.autoScaling.describeAutoScalingGroups(r -> r.autoScalingGroupNames(name))
                .autoScalingGroups().stream().filter(g -> g.autoScalingGroupName().equals(name)).findFirst();
        return asg.map(g -> withHealth(g, new HashMap<>()));
    }

    /** Every group of the region, with target health read once per target group. ⌈G/100⌉ + T calls. */
    List<GroupRead> allGroups() {
        List<AutoScalingGroup> groups = new ArrayList<>();
        clients.autoScaling.describeAutoScalingGroupsPaginator(r -> r.maxRecords(100))
                .autoScalingGroups().forEach(groups::add);
        Map<String, Map<String, String>> health = new HashMap<>();
        List<GroupRead> out = new ArrayList<>();
        for (AutoScalingGroup g : groups) {
            out.add(withHealth(g, health));
        }
        return out;
    }

    private GroupRead withHealth(AutoScalingGroup g, Map<String, Map<String, String>> shared) {
        Map<String, Map<String, String>> states = new LinkedHashMap<>();
        for (String arn : g.targetGroupARNs()) {
            states.put(arn, shared.computeIfAbsent(arn, this::targetStates));
        }
        return new GroupRead(g, states);
    }

    /** Instance id → state of every target registered (or leaving) in the target group; empty when it is gone. */
    Map<String, String> targetStates(String targetGroupArn) {
        Map<String, String> states = new HashMap<>();
        try {
            for (TargetHealthDescription d : clients.elb.describeTargetHealth(r -> r.targetGroupArn(targetGroupArn))
                    .targetHealthDescriptions()) {
                states.put(d.target().id(), d.targetHealth().stateAsString());
            }
        } catch (TargetGroupNotFoundException e) {
            return Map.of();
        }
        return states;
    }

    List<TargetGroup> targetGroups() {
        List<TargetGroup> out = new ArrayList<>();
        clients.elb.describeTargetGroupsPaginator(r -> r.pageSize(400)).targetGroups().forEach(out::add);
        return out;
    }

    /** The named target groups that exist (AWS fails the whole call for one unknown name, so one call each). */
    Map<String, TargetGroup> targetGroupsByName(List<String> names) {
        Map<String, TargetGroup> out = new LinkedHashMap<>();
        for (String name : names) {
            try {
                clients.elb.describeTargetGroups(r -> r.names(name)).targetGroups().stream().findFirst()
                        .ifPresent(tg -> out.put(name, tg));
            } catch (TargetGroupNotFoundException e) {
                // absent
            }
        }
        return out;
    }

    List<LoadBalancer> loadBalancers() {
        List<LoadBalancer> out = new ArrayList<>();
        clients.elb.describeLoadBalancersPaginator(r -> r.pageSize(400)).loadBalancers().forEach(out::add);
        return out;
    }

    List<Listener> listeners(String loadBalancerArn) {
        List<Listener> out = new ArrayList<>();
        clients.elb.describeListenersPaginator(r -> r.loadBalancerArn(loadBalancerArn).pageSize(400))
                .listeners().forEach(out::add);
        return out;
    }

    List<Rule> rules(String listenerArn) {
        List<Rule> out = new ArrayList<>();
        String marker = null;
        do {
            String m = marker;
            DescribeRulesResponse page = clients.elb.describeRules(r -> r.listenerArn(listenerArn).pageSize(400).marker(m));
            out.addAll(page.rules());
            marker = page.nextMarker();
        } while (marker != null && !marker.isEmpty());
        return out;
    }

    List<SecurityGroup> securityGroups() {
        List<SecurityGroup> out = new ArrayList<>();
        clients.ec2.describeSecurityGroupsPaginator(DescribeSecurityGroupsRequest.builder().maxResults(1000).build())
                .securityGroups().forEach(out::add);
        return out;
    }

    List<SecurityGroup> securityGroupsNamed(String vpcId, List<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        List<Filter> filters = new ArrayList<>(List.of(Filter.builder().name("group-name").values(names).build()));
        if (vpcId != null) {
            filters.add(Filter.builder().name("vpc-id").values(vpcId).build());
        }
        List<SecurityGroup> out = new ArrayList<>();
        clients.ec2.describeSecurityGroupsPaginator(r -> r.filters(filters)).securityGroups().forEach(out::add);
        return out;
    }

    Optional<LaunchTemplateVersion> launchTemplateVersion(String templateId, String version) {
        return clients.ec2.describeLaunchTemplateVersions(r -> r.launchTemplateId(templateId).versions(version))
                .launchTemplateVersions().stream().findFirst();
    }

    /** Private address and launch time of instances, paged. */
    Map<String, software.amazon.awssdk.services.ec2.model.Instance> instances(List<String> ids) {
        Map<String, software.amazon.awssdk.services.ec2.model.Instance> out = new HashMap<>();
        for (int i = 0; i < ids.size(); i += 500) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
            clients.ec2.describeInstancesPaginator(r -> r.instanceIds(chunk)).reservations()
                    .forEach(res -> res.instances().forEach(in -> out.put(in.instanceId(), in)));
        }
        return out;
    }
}
