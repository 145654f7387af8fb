package io.clusterdeploy.provider.aws;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * A canary's traffic on AWS: each weighted server group gets a target group of its own (named after the group, the
 * same port, protocol, VPC and health check as the production target group), joins it, and once its instances are
 * healthy there every listener action that forwards to the production target group forwards to both, weighted; the
 * group then leaves the production target group. Its requests and errors are then its own target group's
 * ({@code AWS/ApplicationELB} metrics by TargetGroup). Taking the weight away (before the group is disabled) gives it
 * back to the target group that had the most; its own target group is deleted with the group.
 */
final class CanaryTraffic {
    private static final Duration HEALTHY_TIMEOUT = Duration.ofMinutes(5);

    private final AwsErrors errors;
    private final TargetGroupWriter targetGroups;

    CanaryTraffic(AwsErrors errors, TargetGroupWriter targetGroups) {
        this.errors = errors;
        this.targetGroups = targetGroups;
    }

    /** The group's own target group: its name when that fits ELB's 32 characters, else a prefix and a digest. */
    static String ownTargetGroup(String serverGroup) {
        if (serverGroup.length() <= AwsNames.ELB_MAX) {
            return serverGroup;
        }
        String digest = sha(serverGroup).substring(0, 8);
        String head = serverGroup.substring(0, AwsNames.ELB_MAX - digest.length() - 1).replaceAll("-+$", "");
        return head + "-" + digest;
    }

    private static String sha(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void weigh(AwsRegion region, List<String> productionTargetGroups, Map<String, Integer> percentByServerGroup) {
        Map<String, TargetGroup> production = errors.call("DescribeTargetGroups",
                () -> region.reader.targetGroupsByName(productionTargetGroups));
        for (String name : productionTargetGroups) {
            if (!production.containsKey(name)) {
                throw ClusterDeployException.notFound("loadBalancers", "target group '" + name + "' not found in "
                        + region.name());
            }
        }
        for (String group : percentByServerGroup.keySet()) {
            errors.call("DescribeAutoScalingGroups " + group, () -> region.readGroup(group)).orElseThrow(() ->
                    ClusterDeployException.notFound("serverGroupName", "server group '" + group + "' not found in "
                            + region.name()));
        }
        for (TargetGroup prod : production.values()) {
            Map<String, Integer> weights = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> e : percentByServerGroup.entrySet()) {
                String group = e.getKey();
                String own = targetGroups.upsert(region, ownTargetGroup(group), likeProduction(region, prod),
                        prod.vpcId());
                errors.run("AttachLoadBalancerTargetGroups " + group, () -> region.clients.autoScaling
                        .attachLoadBalancerTargetGroups(r -> r.autoScalingGroupName(group).targetGroupARNs(own)));
                weights.put(own, e.getValue());
            }
            List<String> owns = List.copyOf(weights.keySet());
            int k = 0;
            for (String group : percentByServerGroup.keySet()) {
                awaitHealthy(region, group, owns.get(k++));
            }
            forwardWeighted(region, prod.targetGroupArn(), weights);
            for (String group : percentByServerGroup.keySet()) {
                // Its traffic now comes through its own target group only.
                errors.run("DetachLoadBalancerTargetGroups " + group, () -> region.clients.autoScaling
                        .detachLoadBalancerTargetGroups(r -> r.autoScalingGroupName(group)
                                .targetGroupARNs(prod.targetGroupArn())));
            }
        }
        errors.run("reading region " + region.name(), () -> {
            region.refreshBalancing();
            percentByServerGroup.keySet().forEach(region::readGroup);
        });
    }

    /** Before the group leaves traffic: no listener forwards to its own target group any more. */
    void unweigh(AwsRegion region, String serverGroup) {
        Optional<String> own = ownArn(region, serverGroup);
        if (own.isEmpty()) {
            return;
        }
        errors.run("reading region " + region.name(), region::refreshBalancing);
        RegionCache.Balancing b = region.cache.balancing();
        for (List<Listener> listeners : b.listeners().values()) {
            for (Listener l : listeners) {
                if (LoadBalancerWriter.forwardsTo(l.defaultActions(), own.get())) {
                    List<Action> actions = without(l.defaultActions(), own.get());
                    errors.run("ModifyListener " + l.listenerArn(), () -> region.clients.elb.modifyListener(r -> r
                            .listenerArn(l.listenerArn()).defaultActions(actions)));
                }
                for (Rule rule : b.rules().getOrDefault(l.listenerArn(), List.of())) {
                    if (!Boolean.TRUE.equals(rule.isDefault()) && LoadBalancerWriter.forwardsTo(rule.actions(), own.get())) {
                        List<Action> actions = without(rule.actions(), own.get());
                        errors.run("ModifyRule " + rule.ruleArn(), () -> region.clients.elb.modifyRule(r -> r
                                .ruleArn(rule.ruleArn()).actions(actions)));
                    }
                }
            }
        }
        errors.run("reading region " + region.name(), region::refreshBalancing);
    }

    /** After the group is gone: its own target group goes too. */
    void deleteOwnTargetGroup(AwsRegion region, String serverGroup) {
        Optional<String> own = ownArn(region, serverGroup);
        if (own.isPresent()) {
            errors.run("DeleteTargetGroup " + ownTargetGroup(serverGroup), () -> region.clients.elb
                    .deleteTargetGroup(r -> r.targetGroupArn(own.get())));
            region.cache.targetGroupsByArn.remove(own.get());
            errors.run("reading region " + region.name(), region::refreshBalancing);
        }
    }

    /**
     * From the region's cache, so that disabling and destroying the groups of every other deploy cost no call: the
     * cache is read again after every weighing, at start and at every refresh.
     */
    private Optional<String> ownArn(AwsRegion region, String serverGroup) {
        String name = ownTargetGroup(serverGroup);
        if (!region.cache.balancingLoaded()) {
            errors.run("reading region " + region.name(), region::ensureLoaded);
        }
        return region.cache.balancing().targetGroups().values().stream().filter(t -> name.equals(t.targetGroupName()))
                .map(TargetGroup::targetGroupArn).findFirst();
    }

    private TargetGroupSpec likeProduction(AwsRegion region, TargetGroup prod) {
        Integer delay = region.cache.deregistrationDelays.get(prod.targetGroupArn());
        return new TargetGroupSpec(prod.port(), prod.protocolAsString(), prod.vpcId(), prod.healthCheckPath(),
                prod.healthCheckPort(), prod.healthCheckProtocolAsString(), prod.healthCheckIntervalSeconds(),
                prod.healthCheckTimeoutSeconds(), prod.healthyThresholdCount(), prod.unhealthyThresholdCount(),
                prod.matcher() == null ? null : prod.matcher().httpCode(), delay == null ? 300 : delay);
    }

    private void awaitHealthy(AwsRegion region, String group, String arn) {
        boolean healthy = ServerGroupChanges.waitFor(HEALTHY_TIMEOUT, Duration.ofMillis(500), () -> {
            Map<String, String> states = errors.call("DescribeTargetHealth", () -> region.reader.targetStates(arn));
            List<String> live = errors.call("DescribeAutoScalingGroups " + group, () -> region.readGroup(group))
                    .map(g -> g.liveInstances().stream().map(i -> i.instanceId()).toList()).orElse(List.of());
            return !live.isEmpty() && live.stream().allMatch(id -> "healthy".equals(states.get(id)));
        });
        if (!healthy) {
            throw new ClusterDeployException(ErrorKind.CONFLICT, null, "the instances of " + group + " did not become "
                    + "healthy in its own target group within " + HEALTHY_TIMEOUT.toMinutes() + " minutes");
        }
    }

    /** Every listener action forwarding to {@code production} forwards to it and to {@code weights}' groups too. */
    private void forwardWeighted(AwsRegion region, String production, Map<String, Integer> weights) {
        errors.run("reading region " + region.name(), region::refreshBalancing);
        RegionCache.Balancing b = region.cache.balancing();
        for (List<Listener> listeners : b.listeners().values()) {
            for (Listener l : listeners) {
                if (LoadBalancerWriter.forwardsTo(l.defaultActions(), production)) {
                    List<Action> actions = with(l.defaultActions(), production, weights);
                    errors.run("ModifyListener " + l.listenerArn(), () -> region.clients.elb.modifyListener(r -> r
                            .listenerArn(l.listenerArn()).defaultActions(actions)));
                }
                for (Rule rule : b.rules().getOrDefault(l.listenerArn(), List.of())) {
                    if (!Boolean.TRUE.equals(rule.isDefault()) && LoadBalancerWriter.forwardsTo(rule.actions(), production)) {
                        List<Action> actions = with(rule.actions(), production, weights);
                        errors.run("ModifyRule " + rule.ruleArn(), () -> region.clients.elb.modifyRule(r -> r
                                .ruleArn(rule.ruleArn()).actions(actions)));
                    }
                }
            }
        }
    }

    /** The forward action's groups and weights (a plain forward is one group of weight 100). */
    private static Map<String, Integer> tuples(Action a) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (a.forwardConfig() != null && !a.forwardConfig().targetGroups().isEmpty()) {
            int total = a.forwardConfig().targetGroups().stream().mapToInt(t -> t.weight() == null ? 1 : t.weight()).sum();
            for (TargetGroupTuple t : a.forwardConfig().targetGroups()) {
                int w = t.weight() == null ? 1 : t.weight();
                out.put(t.targetGroupArn(), total == 0 ? 0 : Math.round(100f * w / total));
            }
        } else if (a.targetGroupArn() != null) {
            out.put(a.targetGroupArn(), 100);
        }
        return out;
    }

    private static Action forward(Map<String, Integer> weights) {
        if (weights.size() == 1) {
            return Action.builder().type(ActionTypeEnum.FORWARD).targetGroupArn(weights.keySet().iterator().next())
                    .build();
        }
        List<TargetGroupTuple> groups = weights.entrySet().stream()
                .map(e -> TargetGroupTuple.builder().targetGroupArn(e.getKey()).weight(e.getValue()).build()).toList();
        return Action.builder().type(ActionTypeEnum.FORWARD).forwardConfig(f -> f.targetGroups(groups)).build();
    }

    /** {@code production}'s weight gives up what the new groups take; the order of the actions stays. */
    static List<Action> with(List<Action> actions, String production, Map<String, Integer> added) {
        List<Action> out = new ArrayList<>();
        for (Action a : actions) {
            Map<String, Integer> t = a.type() == ActionTypeEnum.FORWARD ? tuples(a) : Map.of();
            if (!t.containsKey(production)) {
                out.add(a);
                continue;
            }
            Map<String, Integer> w = new LinkedHashMap<>(t);
            int taken = 0;
            for (Map.Entry<String, Integer> e : added.entrySet()) {
                taken += e.getValue() - w.getOrDefault(e.getKey(), 0);
                w.put(e.getKey(), e.getValue());
            }
            w.put(production, Math.max(0, w.get(production) - taken));
            out.add(forward(w));
        }
        return out;
    }

    /** {@code removed}'s weight goes back to the group with the most; a single group left is a plain forward. */
    static List<Action> without(List<Action> actions, String removed) {
        List<Action> out = new ArrayList<>();
        for (Action a : actions) {
            Map<String, Integer> t = a.type() == ActionTypeEnum.FORWARD ? tuples(a) : Map.of();
            if (!t.containsKey(removed) || t.size() == 1) {
                out.add(a);
                continue;
            }
            Map<String, Integer> w = new LinkedHashMap<>(t);
            int back = w.remove(removed);
            String most = w.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            w.put(most, w.get(most) + back);
            out.add(forward(w));
        }
        return out;
    }
}
