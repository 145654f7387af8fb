package io.clusterdeploy.provider.aws;

import io.clusterdeploy.engine.canary.source.MetricScope;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.naming.ServerGroupName;
import java.util.List;
import java.util.TreeSet;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

/**
 * The {@code AWS/ApplicationELB} dimensions of a scope's target group: {@code TargetGroup} is the part of its ARN
 * from {@code targetgroup/}, {@code LoadBalancer} that of the load balancer forwarding to it from {@code app/}.
 * The target group must hold no server group outside the scope, or its metrics would not be the scope's.
 *
 * @param name         the target group's name
 * @param loadBalancer null when no load balancer forwards to it
 */
record TargetGroupDimensions(String name, String targetGroup, String loadBalancer) {

    static TargetGroupDimensions of(AwsProvider provider, AwsRegion region, MetricScope scope, String cluster,
                                    CloudWatchQuery q) {
        provider.errors().run("reading region " + region.name(), region::ensureLoaded);
        List<String> names;
        if (scope.serverGroup() != null && !scope.serverGroup().isBlank()) {
            ServerGroup sg = provider.serverGroup(region.name(), scope.serverGroup()).orElseThrow(() ->
                    ClusterDeployException.invalid("serverGroup", "server group '" + scope.serverGroup()
                            + "' not found in account '" + scope.account() + "', region " + region.name()));
            names = sg.loadBalancers();
        } else {
            names = List.copyOf(new TreeSet<>(region.cache.groups().stream().filter(g -> inCluster(g.name(), cluster))
                    .flatMap(g -> region.model(g).stream()).flatMap(sg -> sg.loadBalancers().stream()).toList()));
        }
        String name;
        if (q.targetGroup() != null) {
            if (!names.contains(q.targetGroup())) {
                throw ClusterDeployException.invalid("targetGroup", "targetGroup: " + scope.name() + " is not in"
                        + " target group '" + q.targetGroup() + "'; its target groups: " + names);
            }
            name = q.targetGroup();
        } else if (names.size() == 1) {
            name = names.get(0);
        } else {
            throw ClusterDeployException.invalid("targetGroup", "targetGroup: " + scope.name() + " is in "
                    + (names.isEmpty() ? "no target group" : "target groups " + names + "; name one")
                    + " (per-target-group metrics need exactly one)");
        }
        TargetGroup tg = region.cache.balancing().targetGroups().values().stream()
                .filter(t -> t.targetGroupName().equals(name)).findFirst().orElseThrow(() ->
                        ClusterDeployException.invalid("targetGroup", "targetGroup: target group '" + name
                                + "' not found in region " + region.name()));
        List<String> others = region.cache.groups().stream().filter(g -> g.targetGroupArns().contains(tg.targetGroupArn()))
                .map(GroupRead::name).filter(g -> !inScope(g, scope, cluster)).sorted().toList();
        if (!others.isEmpty()) {
            throw ClusterDeployException.invalid("targetGroup", "targetGroup: target group '" + name + "' also serves "
                    + others + ", so its metrics are not " + scope.name() + "'s alone; give each server group its own"
                    + " target group, or judge AWS/EC2 metrics by AutoScalingGroupName");
        }
        List<String> lbs = tg.hasLoadBalancerArns() ? tg.loadBalancerArns() : List.of();
        String lb;
        if (q.loadBalancer() != null) {
            lb = lbs.stream().filter(a -> a.contains("/" + q.loadBalancer() + "/")).findFirst().orElseThrow(() ->
                    ClusterDeployException.invalid("loadBalancer", "loadBalancer: '" + q.loadBalancer()
                            + "' does not forward to target group '" + name + "'"));
        } else if (lbs.size() <= 1) {
            lb = lbs.isEmpty() ? null : lbs.get(0);
        } else {
            throw ClusterDeployException.invalid("loadBalancer", "loadBalancer: " + lbs.size() + " load balancers"
                    + " forward to target group '" + name + "'; name one");
        }
        String tgArn = tg.targetGroupArn();
        return new TargetGroupDimensions(name, tgArn.substring(Math.max(0, tgArn.indexOf("targetgroup/"))),
                lb == null ? null : lb.substring(lb.indexOf("loadbalancer/") + "loadbalancer/".length()));
    }

    private static boolean inScope(String group, MetricScope scope, String cluster) {
        if (scope.serverGroup() != null && !scope.serverGroup().isBlank()) {
            return group.equals(scope.serverGroup());
        }
        return inCluster(group, cluster);
    }

    private static boolean inCluster(String group, String cluster) {
        try {
            return ServerGroupName.parse(group).clusterName().equals(cluster);
        } catch (ClusterDeployException e) {
            return false;
        }
    }

}
