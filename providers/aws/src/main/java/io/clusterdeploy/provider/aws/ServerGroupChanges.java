package io.clusterdeploy.provider.aws;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.model.Capacity;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;

/**
 * Enable, disable, resize and destroy, as Clouddriver does them on AWS. A full disable suspends Launch, Terminate
 * and AddToLoadBalancer and deregisters every instance from the group's target groups; a partial one only
 * deregisters that share of the instances. Both return once the target groups have drained the instances (AWS
 * ends draining early when no connection is left; the deregistration delay bounds it). A disabled group has
 * Terminate suspended and could not scale in, so a resize of it resumes Launch and Terminate for the resize and
 * suspends them again once the capacity is reached, whatever happens.
 */
final class ServerGroupChanges {
    private static final Logger LOG = LoggerFactory.getLogger(ServerGroupChanges.class);
    static final List<String> DISABLE_PROCESSES = List.of(GroupRead.LAUNCH, GroupRead.TERMINATE, GroupRead.ADD_TO_LOAD_BALANCER);
    static final List<String> SCALING_PROCESSES = List.of(GroupRead.LAUNCH, GroupRead.TERMINATE);
    private static final Duration DRAIN_SLACK = Duration.ofSeconds(15);
    private static final Duration CONVERGE_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration DELETE_TIMEOUT = Duration.ofMinutes(15);

    private final String account;
    private final AwsErrors errors;
    private final LaunchTemplates templates;

    ServerGroupChanges(String account, AwsErrors errors) {
        this.account = account;
        this.errors = errors;
        this.templates = new LaunchTemplates(errors);
    }

    GroupRead existing(AwsRegion region, String name) {
        return errors.call("DescribeAutoScalingGroups " + name, () -> region.readGroup(name)).orElseThrow(() ->
                ClusterDeployException.notFound("name", "server group '" + name + "' not found in account '" + account
                        + "', region " + region.name()));
    }

    void enable(AwsRegion region, String name) {
        GroupRead g = existing(region, name);
        List<String> suspended = DISABLE_PROCESSES.stream().filter(g::suspended).toList();
        if (!suspended.isEmpty()) {
            errors.run("ResumeProcesses " + name, () -> region.clients.autoScaling.resumeProcesses(r -> r
                    .autoScalingGroupName(name).scalingProcesses(suspended)));
        }
        List<Instance> live = g.liveInstances();
        for (String arn : g.targetGroupArns()) {
            List<TargetDescription> targets = live.stream().filter(i -> !g.registered(arn, i.instanceId()))
                    .map(i -> TargetDescription.builder().id(i.instanceId()).build()).toList();
            if (!targets.isEmpty()) {
                Idempotent.run(errors, "RegisterTargets " + name, () -> region.clients.elb.registerTargets(r -> r
                        .targetGroupArn(arn).targets(targets)), () -> {
                            Map<String, String> states = region.reader.targetStates(arn);
                            return targets.stream().allMatch(t -> GroupRead.takesTraffic(states.get(t.id())));
                        });
            }
        }
    }

    void disable(AwsRegion region, String name, int percentage) {
        GroupRead g = existing(region, name);
        if (percentage >= 100) {
            List<String> missing = DISABLE_PROCESSES.stream().filter(p -> !g.suspended(p)).toList();
            if (!missing.isEmpty()) {
                // Suspended first: no instance launched from now on joins a target group.
                errors.run("SuspendProcesses " + name, () -> region.clients.autoScaling.suspendProcesses(r -> r
                        .autoScalingGroupName(name).scalingProcesses(missing)));
            }
        }
        List<Instance> live = g.liveInstances();
        Set<String> leaving = new HashSet<>();
        if (percentage >= 100) {
            live.forEach(i -> leaving.add(i.instanceId()));
        } else {
            int target = (percentage * live.size() + 99) / 100;
            List<Instance> in = live.stream().filter(i -> g.targetGroupArns().stream()
                    .allMatch(arn -> g.registered(arn, i.instanceId()))).toList();
            int alreadyOut = live.size() - in.size();
            in.stream().sorted(newestFirst(region)).limit(Math.max(0, target - alreadyOut))
                    .forEach(i -> leaving.add(i.instanceId()));
        }
        deregisterAndDrain(region, name, g, leaving);
    }

    /** Takes {@code leaving} out of every target group of the group that has them, then waits for the draining. */
    private void deregisterAndDrain(AwsRegion region, String name, GroupRead g, java.util.Collection<String> leaving) {
        Map<String, List<String>> deregistered = new LinkedHashMap<>();
        for (String arn : g.targetGroupArns()) {
            List<String> ids = leaving.stream().filter(id -> g.registered(arn, id)).sorted().toList();
            if (!ids.isEmpty()) {
                deregister(region, name, arn, ids);
                deregistered.put(arn, ids);
            }
        }
        awaitDrained(region, name, deregistered);
    }

    /**
     * Deregisters {@code ids}. A retry after a lost answer is refused for targets already out (moto fails the whole
     * call on the first one it no longer has, having taken out those before it): the target group is read back and
     * only what is still registered is sent again, until nothing is.
     */
    private void deregister(AwsRegion region, String name, String arn, List<String> ids) {
        List<String> left = ids;
        for (int round = 0; !left.isEmpty(); round++) {
            List<String> send = left;
            String what = "DeregisterTargets " + name;
            AtomicReference<List<String>> still = new AtomicReference<>(List.of());
            Idempotent.run(errors, what, () -> region.clients.elb.deregisterTargets(r -> r.targetGroupArn(arn)
                    .targets(send.stream().map(id -> TargetDescription.builder().id(id).build()).toList())), () -> {
                        Map<String, String> states = region.reader.targetStates(arn);
                        still.set(send.stream().filter(id -> GroupRead.takesTraffic(states.get(id))).toList());
                        // Done, or some went out and the rest are sent again below.
                        return still.get().size() < send.size();
                    });
            left = still.get();
            if (round >= 3 && !left.isEmpty()) {
                throw new ClusterDeployException(ErrorKind.UNAVAILABLE, null, what + ": " + left
                        + " still registered after " + (round + 1) + " attempts");
            }
        }
    }

    private Comparator<Instance> newestFirst(AwsRegion region) {
        Comparator<Instance> byLaunch = Comparator.comparing(i -> {
            RegionCache.InstanceInfo info = region.cache.instances.get(i.instanceId());
            return info == null || info.launched() == null ? java.time.Instant.MIN : info.launched();
        });
        return byLaunch.thenComparing(Instance::instanceId).reversed();
    }

    /** Until no deregistered instance is draining any more, bounded by the longest deregistration delay. */
    private void awaitDrained(AwsRegion region, String name, Map<String, List<String>> deregistered) {
        if (deregistered.isEmpty()) {
            return;
        }
        int delay = 0;
        for (String arn : deregistered.keySet()) {
            delay = Math.max(delay, errors.call("DescribeTargetGroupAttributes", () -> region.deregistrationDelaySeconds(arn)));
        }
        Duration bound = Duration.ofSeconds(delay).plus(DRAIN_SLACK);
        Duration poll = Duration.ofMillis(Math.max(100, Math.min(2000, delay * 1000L / 20)));
        boolean drained = waitFor(bound, poll, () -> deregistered.entrySet().stream().allMatch(e -> {
            Map<String, String> states = errors.call("DescribeTargetHealth", () -> region.reader.targetStates(e.getKey()));
            return e.getValue().stream().noneMatch(id -> "draining".equals(states.get(id)));
        }));
        if (!drained) {
            LOG.warn("server group {}: targets still draining after {}s; going on", name, bound.toSeconds());
        }
    }

    void resize(AwsRegion region, String name, Capacity capacity) {
        GroupRead g = existing(region, name);
        var asg = g.asg();
        boolean desiredChanges = asg.desiredCapacity() == null || asg.desiredCapacity() != capacity.desired();
        boolean boundsChange = asg.minSize() != capacity.min() || asg.maxSize() != capacity.max();
        if (!desiredChanges && !boundsChange) {
            return;
        }
        var as = region.clients.autoScaling;
        if (!desiredChanges) {
            // Only the bounds: nothing launches or terminates, whatever is suspended (and moto re-registers every
            // instance of a group whenever it is sent a desired capacity).
            errors.run("UpdateAutoScalingGroup " + name, () -> as.updateAutoScalingGroup(r -> r.autoScalingGroupName(name)
                    .minSize(capacity.min()).maxSize(capacity.max())));
            return;
        }
        List<String> toResume = g.disabled() ? SCALING_PROCESSES.stream().filter(g::suspended).toList() : List.of();
        GroupRead[] last = {null};
        if (!toResume.isEmpty()) {
            errors.run("ResumeProcesses " + name, () -> as.resumeProcesses(r -> r.autoScalingGroupName(name)
                    .scalingProcesses(toResume)));
        }
        try {
            errors.run("UpdateAutoScalingGroup " + name, () -> as.updateAutoScalingGroup(r -> r.autoScalingGroupName(name)
                    .minSize(capacity.min()).maxSize(capacity.max()).desiredCapacity(capacity.desired())));
            if (!toResume.isEmpty()) {
                boolean converged = waitFor(CONVERGE_TIMEOUT, Duration.ofSeconds(1), () -> {
                    last[0] = existing(region, name);
                    return last[0].asg().instances().size() == capacity.desired();
                });
                if (!converged) {
                    LOG.warn("server group {} did not reach {} instances in {}; suspending its scaling again", name,
                            capacity.desired(), CONVERGE_TIMEOUT);
                }
            }
        } finally {
            if (!toResume.isEmpty()) {
                errors.run("SuspendProcesses " + name, () -> as.suspendProcesses(r -> r.autoScalingGroupName(name)
                        .scalingProcesses(toResume)));
            }
        }
        if (g.disabled()) {
            keepOutOfTraffic(region, name, last[0] != null ? last[0] : existing(region, name));
        }
    }

    /**
     * A disabled group has no instance in its target groups. AWS launches nothing into them while AddToLoadBalancer
     * is suspended; this also holds where something registered them anyway (moto registers every instance of a group
     * on any capacity change).
     */
    private void keepOutOfTraffic(AwsRegion region, String name, GroupRead g) {
        deregisterAndDrain(region, name, g, g.asg().instances().stream().map(Instance::instanceId).toList());
    }

    /**
     * Deletes the group (force), waits until it is gone, then deletes its launch template. Every step reads back
     * before acting and after a refusal, so a destroy whose answers were lost, or one repeated (a resumed step, a
     * retried operation), finds the work done and succeeds.
     */
    void destroy(AwsRegion region, String name) {
        var as = region.clients.autoScaling;
        boolean exists = errors.call("DescribeAutoScalingGroups " + name, () -> region.readGroup(name)).isPresent();
        if (exists) {
            Idempotent.run(errors, "DeleteAutoScalingGroup " + name,
                    () -> as.deleteAutoScalingGroup(r -> r.autoScalingGroupName(name).forceDelete(true)),
                    () -> region.readGroup(name).map(g -> "Delete in progress".equals(g.asg().status())).orElse(true));
            boolean gone = waitFor(DELETE_TIMEOUT, Duration.ofSeconds(2), () -> errors.call("DescribeAutoScalingGroups",
                    () -> region.readGroup(name)).isEmpty());
            if (!gone) {
                throw new ClusterDeployException(ErrorKind.UNAVAILABLE, null, "server group '" + name
                        + "' is still being deleted after " + DELETE_TIMEOUT.toMinutes() + " minutes");
            }
        }
        templates.delete(region, name);
    }

    /** Polls until {@code done} or {@code timeout}; true when done. Interrupts end it with an error. */
    static boolean waitFor(Duration timeout, Duration poll, BooleanSupplier done) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (done.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() >= end) {
                return false;
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClusterDeployException(ErrorKind.UNAVAILABLE, null, "interrupted while waiting for AWS");
            }
        }
    }
}
