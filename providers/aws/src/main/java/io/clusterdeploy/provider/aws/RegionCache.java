package io.clusterdeploy.provider.aws;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

/**
 * What the provider last read of one region. Every entry carries when its read started, so that a full refresh
 * that began before a mutation never overwrites what the mutation's own read saw afterwards.
 */
final class RegionCache {
    /** A group as read, or {@code read == null} when that read found it gone. */
    record Entry(GroupRead read, long readStartedNanos) {
    }

    /** What a launch template version says, immutable once written. */
    record LaunchTemplateInfo(String imageId, List<String> securityGroupIds) {
    }

    /** The immutable facts of an instance. */
    record InstanceInfo(String privateIp, java.time.Instant launched) {
    }

    /** The load balancing side of the region, read and replaced together. */
    record Balancing(Map<String, TargetGroup> targetGroups, Map<String, LoadBalancer> loadBalancers,
                     Map<String, List<Listener>> listeners, Map<String, List<Rule>> rules, long readStartedNanos) {
        static final Balancing EMPTY = new Balancing(Map.of(), Map.of(), Map.of(), Map.of(), Long.MIN_VALUE);
    }

    private final ConcurrentMap<String, Entry> groups = new ConcurrentHashMap<>();
    final ConcurrentMap<String, LaunchTemplateInfo> launchTemplates = new ConcurrentHashMap<>();
    final ConcurrentMap<String, InstanceInfo> instances = new ConcurrentHashMap<>();
    final ConcurrentMap<String, TargetGroup> targetGroupsByArn = new ConcurrentHashMap<>();
    final ConcurrentMap<String, Integer> deregistrationDelays = new ConcurrentHashMap<>();
    private volatile Balancing balancing = Balancing.EMPTY;
    private volatile Map<String, SecurityGroup> securityGroups = Map.of();
    private volatile boolean groupsLoaded;
    private volatile boolean balancingLoaded;
    private volatile long groupReadNanos = Long.MIN_VALUE;

    /** Keeps {@code read} unless a read that started later is already there. */
    void put(String name, GroupRead read, long startedNanos) {
        groups.merge(name, new Entry(read, startedNanos), (old, fresh) ->
                old.readStartedNanos() > fresh.readStartedNanos() ? old : fresh);
    }

    /** A full read of every group: replaces what is older than it, drops what it no longer found. */
    void putAll(List<GroupRead> reads, long startedNanos) {
        Set<String> seen = new HashSet<>();
        for (GroupRead r : reads) {
            seen.add(r.name());
            put(r.name(), r, startedNanos);
        }
        for (String name : List.copyOf(groups.keySet())) {
            if (!seen.contains(name)) {
                groups.computeIfPresent(name, (k, old) -> old.readStartedNanos() < startedNanos ? null : old);
            }
        }
        groups.values().removeIf(e -> e.read() == null && e.readStartedNanos() < startedNanos);
        groupReadNanos = startedNanos;
        groupsLoaded = true;
    }

    Optional<Entry> entry(String name) {
        return Optional.ofNullable(groups.get(name));
    }

    List<GroupRead> groups() {
        return groups.values().stream().map(Entry::read).filter(r -> r != null).toList();
    }

    boolean groupsLoaded() {
        return groupsLoaded;
    }

    long groupReadNanos() {
        return groupReadNanos;
    }

    void putBalancing(Balancing b) {
        if (b.readStartedNanos() >= balancing.readStartedNanos()) {
            balancing = b;
            targetGroupsByArn.putAll(b.targetGroups());
            balancingLoaded = true;
        }
    }

    Balancing balancing() {
        return balancing;
    }

    boolean balancingLoaded() {
        return balancingLoaded;
    }

    void putSecurityGroups(Map<String, SecurityGroup> byId) {
        securityGroups = Map.copyOf(byId);
    }

    Map<String, SecurityGroup> securityGroups() {
        return securityGroups;
    }
}
