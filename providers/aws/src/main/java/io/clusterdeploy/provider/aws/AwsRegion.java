package io.clusterdeploy.provider.aws;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.HealthState;
import io.clusterdeploy.engine.model.Instance;
import io.clusterdeploy.engine.model.Moniker;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.naming.ServerGroupName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAttribute;

/**
 * One region of an account: its clients, its cache, and the model built from what was read. Reads of the
 * cluster view come from the cache; an operation reading one group gets a copy at most
 * {@code serverGroupReadInterval} old, read again when older.
 */
final class AwsRegion implements AutoCloseable {
    private final String account;
    final AwsClients clients;
    final RegionReader reader;
    final RegionCache cache = new RegionCache();
    private final Duration readInterval;

    AwsRegion(String account, AwsClients clients, Duration readInterval) {
        this.account = account;
        this.clients = clients;
        this.reader = new RegionReader(clients);
        this.readInterval = readInterval;
    }

    String name() {
        return clients.region;
    }

    // ---- refresh ----------------------------------------------------------------------------

    /**
     * The whole region: ⌈G/100⌉ DescribeAutoScalingGroups + T DescribeTargetHealth + ⌈T/400⌉ DescribeTargetGroups
     * + ⌈L/400⌉ DescribeLoadBalancers + L DescribeListeners + Li DescribeRules + ⌈S/1000⌉ DescribeSecurityGroups,
     * plus one DescribeLaunchTemplateVersions per template version and one DescribeInstances per 500 instances not
     * seen before (both immutable, so read once).
     */
    void refreshAll() {
        refreshGroups();
        refreshBalancing();
        refreshSecurityGroups();
    }

    void refreshGroups() {
        long started = System.nanoTime();
        List<GroupRead> all = reader.allGroups();
        learn(all);
        cache.putAll(all, started);
    }

    void refreshBalancing() {
        long started = System.nanoTime();
        Map<String, TargetGroup> tgs = new LinkedHashMap<>();
        reader.targetGroups().forEach(tg -> tgs.put(tg.targetGroupArn(), tg));
        Map<String, LoadBalancer> lbs = new LinkedHashMap<>();
        Map<String, List<Listener>> listeners = new HashMap<>();
        Map<String, List<Rule>> rules = new HashMap<>();
        for (LoadBalancer lb : reader.loadBalancers()) {
            lbs.put(lb.loadBalancerArn(), lb);
            List<Listener> ls = reader.listeners(lb.loadBalancerArn());
            listeners.put(lb.loadBalancerArn(), ls);
            for (Listener l : ls) {
                rules.put(l.listenerArn(), reader.rules(l.listenerArn()));
            }
        }
        cache.putBalancing(new RegionCache.Balancing(Map.copyOf(tgs), Map.copyOf(lbs), Map.copyOf(listeners),
                Map.copyOf(rules), started));
    }

    void refreshSecurityGroups() {
        Map<String, SecurityGroup> byId = new LinkedHashMap<>();
        reader.securityGroups().forEach(sg -> byId.put(sg.groupId(), sg));
        cache.putSecurityGroups(byId);
    }

    /** Reads one group now (1 + its target groups' calls) and caches it; empty when it does not exist. */
    Optional<GroupRead> readGroup(String name) {
        long started = System.nanoTime();
        Optional<GroupRead> read = reader.group(name);
        read.ifPresent(r -> learn(List.of(r)));
        cache.put(name, read.orElse(null), started);
        return read;
    }

    /** The group from the cache when read at most the read interval ago, else read now. */
    Optional<GroupRead> recentGroup(String name) {
        Optional<RegionCache.Entry> e = cache.entry(name);
        if (e.isPresent() && System.nanoTime() - e.get().readStartedNanos() <= readInterval.toNanos()) {
            return Optional.ofNullable(e.get().read());
        }
        return readGroup(name);
    }

    void ensureLoaded() {
        if (!cache.groupsLoaded()) {
            refreshGroups();
        }
        if (!cache.balancingLoaded()) {
            refreshBalancing();
        }
    }

    /** Reads what is immutable and not yet known: template versions and instance addresses. */
    private void learn(List<GroupRead> reads) {
        List<String> newInstances = new ArrayList<>();
        for (GroupRead r : reads) {
            r.launchTemplate().ifPresent(this::launchTemplate);
            r.asg().instances().forEach(i -> {
                if (!cache.instances.containsKey(i.instanceId())) {
                    newInstances.add(i.instanceId());
                }
            });
            for (String arn : r.targetGroupArns()) {
                targetGroup(arn);
            }
        }
        if (!newInstances.isEmpty()) {
            try {
                reader.instances(newInstances).forEach((id, in) -> cache.instances.put(id,
                        new RegionCache.InstanceInfo(in.privateIpAddress(), in.launchTime())));
            } catch (SdkException e) {
                // An instance terminated meanwhile fails the whole call; addresses are only shown, so try next time.
            }
        }
    }

    private Optional<RegionCache.LaunchTemplateInfo> launchTemplate(LaunchTemplateSpecification spec) {
        String id = spec.launchTemplateId();
        String version = spec.version() == null ? "$Default" : spec.version();
        if (id == null) {
            return Optional.empty();
        }
        String key = id + ":" + version;
        RegionCache.LaunchTemplateInfo known = cache.launchTemplates.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        try {
            Optional<RegionCache.LaunchTemplateInfo> info = reader.launchTemplateVersion(id, version).map(v ->
                    new RegionCache.LaunchTemplateInfo(v.launchTemplateData().imageId(),
                            v.launchTemplateData().securityGroupIds()));
            // Numbered versions never change; $Latest and $Default may.
            if (version.matches("[0-9]+")) {
                info.ifPresent(i -> cache.launchTemplates.put(key, i));
            }
            return info;
        } catch (SdkException e) {
            return Optional.empty();
        }
    }

    /** A target group by ARN, from the cache or read once (names and ports never change). */
    TargetGroup targetGroup(String arn) {
        TargetGroup tg = cache.targetGroupsByArn.get(arn);
        if (tg == null) {
            tg = clients.elb.describeTargetGroups(r -> r.targetGroupArns(arn)).targetGroups().stream().findFirst()
                    .orElse(null);
            if (tg != null) {
                cache.targetGroupsByArn.put(arn, tg);
            }
        }
        return tg;
    }

    /** The target group's draining time, read once per target group (the provider's own changes update it). */
    int deregistrationDelaySeconds(String targetGroupArn) {
        return cache.deregistrationDelays.computeIfAbsent(targetGroupArn, arn ->
                clients.elb.describeTargetGroupAttributes(r -> r.targetGroupArn(arn)).attributes().stream()
                        .filter(a -> a.key().equals("deregistration_delay.timeout_seconds"))
                        .map(TargetGroupAttribute::value).findFirst().map(Integer::parseInt).orElse(300));
    }

    // ---- model ------------------------------------------------------------------------------

    /** One instance of a group read, for the instance panel; NONE when the group no longer has it. */
    io.clusterdeploy.engine.provider.InstanceDetails details(GroupRead read, String instanceId) {
        return read.asg().instances().stream().filter(i -> i.instanceId().equals(instanceId)).findFirst()
                .map(i -> AwsInstanceDetails.of(read, i, cache.targetGroupsByArn, cache.instances.get(instanceId)))
                .orElse(io.clusterdeploy.engine.provider.InstanceDetails.NONE);
    }

    /** The model of a group whose name parses as a server group name; empty for any other ASG. */
    Optional<ServerGroup> model(GroupRead read) {
        ServerGroupName parsed;
        try {
            parsed = ServerGroupName.parse(read.name());
        } catch (ClusterDeployException e) {
            return Optional.empty();
        }
        Moniker moniker = parsed.moniker();
        var asg = read.asg();
        List<Instance> instances = new ArrayList<>();
        Integer port = read.targetGroupArns().stream().map(cache.targetGroupsByArn::get).filter(tg -> tg != null)
                .map(TargetGroup::port).findFirst().orElse(null);
        for (var i : asg.instances()) {
            RegionCache.InstanceInfo info = cache.instances.get(i.instanceId());
            String address = info == null || info.privateIp() == null ? null
                    : port == null ? info.privateIp() : info.privateIp() + ":" + port;
            HealthState health = InstanceHealth.of(i, read.targetGroupArns(), read.targetStates());
            instances.add(new Instance(i.instanceId(), health, address, info == null ? null : info.launched()));
        }
        Optional<RegionCache.LaunchTemplateInfo> lt = read.launchTemplate().flatMap(s ->
                Optional.ofNullable(s.launchTemplateId() == null ? null
                        : cache.launchTemplates.get(s.launchTemplateId() + ":" + s.version())));
        List<String> loadBalancers = read.targetGroupArns().stream().map(cache.targetGroupsByArn::get)
                .filter(tg -> tg != null).map(TargetGroup::targetGroupName).toList();
        Map<String, SecurityGroup> sgs = cache.securityGroups();
        List<String> securityGroups = lt.map(RegionCache.LaunchTemplateInfo::securityGroupIds).orElse(List.of()).stream()
                .map(id -> sgs.containsKey(id) ? sgs.get(id).groupName() : id).toList();
        Map<String, String> tags = new LinkedHashMap<>();
        for (TagDescription t : asg.tags()) {
            if (!AwsTags.internal(t.key())) {
                tags.put(t.key(), t.value() == null ? "" : t.value());
            }
        }
        int min = asg.minSize() == null ? 0 : asg.minSize();
        int max = asg.maxSize() == null ? 0 : asg.maxSize();
        int desired = asg.desiredCapacity() == null ? min : Math.max(min, Math.min(max, asg.desiredCapacity()));
        return Optional.of(new ServerGroup(read.name(), moniker, account, name(),
                new Capacity(min, desired, Math.max(max, desired)), instances, read.disabled(), asg.createdTime(),
                lt.map(RegionCache.LaunchTemplateInfo::imageId).orElse(null), loadBalancers, securityGroups, tags));
    }

    @Override
    public void close() {
        clients.close();
    }
}
