package io.clusterdeploy.provider.aws;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.model.Moniker;
import io.clusterdeploy.engine.naming.ServerGroupName;
import io.clusterdeploy.engine.provider.CreateServerGroupRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.autoscaling.model.LifecycleHook;
import software.amazon.awssdk.services.autoscaling.model.LifecycleHookSpecification;
import software.amazon.awssdk.services.autoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.autoscaling.model.ScheduledUpdateGroupAction;
import software.amazon.awssdk.services.autoscaling.model.Tag;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateTagSpecificationRequest;
import software.amazon.awssdk.services.ec2.model.RequestLaunchTemplateData;
import software.amazon.awssdk.services.ec2.model.ResourceType;

/**
 * Creates one Auto Scaling group with its own launch template (of the group's name) holding every field of the spec. It checks first
 * that the name is free (moto silently replaces a group, AWS refuses), tags the group with its moniker and a
 * create token (so a create whose answer was lost is recognised and adopted on retry), and copies the source
 * group's scaling policies, scheduled actions and lifecycle hooks unless told not to.
 */
final class ServerGroupCreator {
    private static final Logger LOG = LoggerFactory.getLogger(ServerGroupCreator.class);

    private final String account;
    private final AwsErrors errors;
    private final SecurityGroupWriter securityGroups;
    private final TargetGroupWriter targetGroups;
    private final LaunchTemplates templates;

    ServerGroupCreator(String account, AwsErrors errors, SecurityGroupWriter securityGroups, TargetGroupWriter targetGroups) {
        this.account = account;
        this.errors = errors;
        this.securityGroups = securityGroups;
        this.targetGroups = targetGroups;
        this.templates = new LaunchTemplates(errors);
    }

    void create(CreateServerGroupRequest request, DeployPlan plan) {
        AwsRegion region = plan.region();
        String name = request.name();
        if (errors.call("DescribeAutoScalingGroups " + name, () -> region.readGroup(name)).isPresent()) {
            throw ClusterDeployException.conflict("name", "server group '" + name + "' already exists in account '"
                    + account + "', region " + region.name() + "; it is never replaced");
        }
        ServerGroupSpec spec = plan.spec();
        Map<String, String> sgIds = securityGroups.upsert(region, plan.vpcId(), spec.securityGroupIngress(),
                plan.securityGroupIds());
        Map<String, String> tgArns = new LinkedHashMap<>(plan.targetGroupArns());
        spec.targetGroups().forEach((tg, tgSpec) -> tgArns.put(tg, targetGroups.upsert(region, tg, tgSpec, plan.vpcId())));
        List<String> groupIds = request.securityGroups().stream().map(sgIds::get).toList();
        List<String> arns = request.loadBalancers().stream().map(tgArns::get).toList();

        Optional<GroupRead> source = source(region, name);
        String token = UUID.randomUUID().toString();
        LaunchTemplateRef template = launchTemplate(region, name, spec, groupIds, request, token);
        List<LifecycleHookSpecification> hooks = spec.copySourceLifecycleHooks() && source.isPresent()
                ? hooks(region, source.get().name()) : List.of();
        try {
            createGroup(region, request, spec, template, arns, hooks, token);
        } catch (RuntimeException e) {
            if (template.created()) {
                deleteTemplateQuietly(region, name);
            }
            throw e;
        }
        if (source.isPresent()) {
            copyFromSource(region, source.get().name(), name, spec, hooks);
        }
        LOG.info("created server group {} in account {} region {} (launch template {} version {})", name, account,
                region.name(), template.id(), template.version());
    }

    /** The newest other group of the same cluster: what Clouddriver calls the ancestor. */
    private Optional<GroupRead> source(AwsRegion region, String name) {
        String cluster = ServerGroupName.parse(name).clusterName();
        return region.cache.groups().stream()
                .filter(g -> !g.name().equals(name))
                .filter(g -> {
                    try {
                        return ServerGroupName.parse(g.name()).clusterName().equals(cluster);
                    } catch (ClusterDeployException e) {
                        return false;
                    }
                })
                .max(Comparator.comparing(g -> g.asg().createdTime()));
    }

    private record LaunchTemplateRef(String id, String version, boolean created) {
    }

    private LaunchTemplateRef launchTemplate(AwsRegion region, String name, ServerGroupSpec spec, List<String> groupIds,
                                             CreateServerGroupRequest request, String token) {
        Map<String, String> instanceTags = new LinkedHashMap<>(spec.tags());
        instanceTags.put("Name", name);
        RequestLaunchTemplateData.Builder data = RequestLaunchTemplateData.builder()
                .imageId(spec.imageId())
                .instanceType(spec.instanceType())
                .tagSpecifications(LaunchTemplateTagSpecificationRequest.builder().resourceType(ResourceType.INSTANCE)
                        .tags(instanceTags.entrySet().stream().map(e -> software.amazon.awssdk.services.ec2.model.Tag
                                .builder().key(e.getKey()).value(e.getValue()).build()).toList()).build());
        if (!groupIds.isEmpty()) {
            data.securityGroupIds(groupIds);
        }
        if (spec.keyName() != null) {
            data.keyName(spec.keyName());
        }
        if (spec.userData() != null) {
            data.userData(spec.userDataBase64());
        }
        if (spec.iamInstanceProfile() != null) {
            String p = spec.iamInstanceProfile();
            data.iamInstanceProfile(b -> {
                if (p.startsWith("arn:")) {
                    b.arn(p);
                } else {
                    b.name(p);
                }
            });
        }
        RequestLaunchTemplateData built = data.build();
        var ec2 = region.clients.ec2;
        // A template of this name with no group of this name is what a failed earlier create of this very group
        // left (template and group share the name, and only a create of this group makes one): nobody uses it.
        if (templates.delete(region, name)) {
            LOG.info("deleted launch template {} left by an earlier create that did not finish", name);
        }
        String description = "Cluster Deploy " + name + " " + token;
        try {
            return Idempotent.call(errors, "CreateLaunchTemplate " + name, () -> {
                var created = ec2.createLaunchTemplate(r -> r.launchTemplateName(name).clientToken(token)
                        .launchTemplateData(built).versionDescription(description)).launchTemplate();
                return new LaunchTemplateRef(created.launchTemplateId(), String.valueOf(created.latestVersionNumber()),
                        true);
            }, () -> mine(region, name, description));
        } catch (ClusterDeployException e) {
            if (AwsErrors.hasCode(e.getCause(), "InvalidLaunchTemplateName.AlreadyExistsException")) {
                throw ClusterDeployException.conflict("name", "launch template '" + name + "' was created meanwhile by"
                        + " someone else");
            }
            throw e;
        }
    }

    /** The template of this name when its first version carries this create's token: ours, its answer lost. */
    private Optional<LaunchTemplateRef> mine(AwsRegion region, String name, String description) {
        if (templates.find(region, name).isEmpty()) {
            return Optional.empty();
        }
        return errors.call("DescribeLaunchTemplateVersions " + name, () -> region.clients.ec2
                .describeLaunchTemplateVersions(r -> r.launchTemplateName(name).versions("1")).launchTemplateVersions()
                .stream().filter(v -> description.equals(v.versionDescription())).findFirst()
                .map(v -> new LaunchTemplateRef(v.launchTemplateId(), "1", true)));
    }

    private void createGroup(AwsRegion region, CreateServerGroupRequest request, ServerGroupSpec spec,
                             LaunchTemplateRef template, List<String> targetGroupArns,
                             List<LifecycleHookSpecification> hooks, String token) {
        String name = request.name();
        Moniker m = ServerGroupName.parse(name).moniker();
        List<Tag> tags = new ArrayList<>();
        spec.tags().forEach((k, v) -> tags.add(tag(name, k, v, true)));
        request.tags().forEach((k, v) -> tags.add(tag(name, k, v, false)));
        tags.add(tag(name, AwsTags.APPLICATION, m.app(), false));
        tags.add(tag(name, AwsTags.CLUSTER, m.cluster(), false));
        if (m.stack() != null) {
            tags.add(tag(name, AwsTags.STACK, m.stack(), false));
        }
        if (m.detail() != null) {
            tags.add(tag(name, AwsTags.DETAIL, m.detail(), false));
        }
        tags.add(tag(name, AwsTags.SEQUENCE, String.valueOf(m.sequence()), false));
        tags.add(tag(name, AwsTags.CREATE_TOKEN, token, false));
        var autoScaling = region.clients.autoScaling;
        try {
            // Ours when it carries this call's token: an attempt went through and its answer was lost (AWS answers
            // the retry AlreadyExists). Read back after any failure, so that a group that exists is never taken
            // for one that failed (its launch template would be deleted under it).
            Idempotent.run(errors, "CreateAutoScalingGroup " + name, () -> autoScaling.createAutoScalingGroup(r -> {
                r.autoScalingGroupName(name)
                        .launchTemplate(lt -> lt.launchTemplateId(template.id()).version(template.version()))
                        .minSize(request.capacity().min()).maxSize(request.capacity().max())
                        .desiredCapacity(request.capacity().desired())
                        .healthCheckType(spec.healthCheckType())
                        .healthCheckGracePeriod(spec.healthCheckGracePeriodSeconds())
                        .tags(tags);
                if (!spec.subnetIds().isEmpty()) {
                    r.vpcZoneIdentifier(String.join(",", spec.subnetIds()));
                } else {
                    r.availabilityZones(spec.availabilityZones());
                }
                if (!targetGroupArns.isEmpty()) {
                    r.targetGroupARNs(targetGroupArns);
                }
                if (!hooks.isEmpty()) {
                    r.lifecycleHookSpecificationList(hooks);
                }
            }), () -> errors.call("DescribeAutoScalingGroups " + name, () -> region.readGroup(name))
                    .filter(g -> g.asg().tags().stream().anyMatch(t -> t.key().equals(AwsTags.CREATE_TOKEN)
                            && token.equals(t.value()))).isPresent());
        } catch (ClusterDeployException e) {
            if (AwsErrors.hasCode(e.getCause(), "AlreadyExists")) {
                throw ClusterDeployException.conflict("name", "server group '" + name + "' already exists in account '"
                        + account + "', region " + region.name() + "; it is never replaced");
            }
            throw e;
        }
    }

    private static Tag tag(String group, String key, String value, boolean propagate) {
        return Tag.builder().resourceId(group).resourceType("auto-scaling-group").key(key).value(value)
                .propagateAtLaunch(propagate).build();
    }

    private List<LifecycleHookSpecification> hooks(AwsRegion region, String source) {
        List<LifecycleHook> hooks = errors.call("DescribeLifecycleHooks " + source, () -> region.clients.autoScaling
                .describeLifecycleHooks(r -> r.autoScalingGroupName(source)).lifecycleHooks());
        return hooks.stream().map(h -> LifecycleHookSpecification.builder().lifecycleHookName(h.lifecycleHookName())
                .lifecycleTransition(h.lifecycleTransition()).notificationTargetARN(h.notificationTargetARN())
                .roleARN(h.roleARN()).heartbeatTimeout(h.heartbeatTimeout()).defaultResult(h.defaultResult())
                .notificationMetadata(h.notificationMetadata()).build()).toList();
    }

    private void copyFromSource(AwsRegion region, String source, String target, ServerGroupSpec spec,
                                List<LifecycleHookSpecification> hooks) {
        var as = region.clients.autoScaling;
        if (!hooks.isEmpty()) {
            // Hooks given at creation cover the first instances; ones the API did not keep are put now.
            List<String> present = errors.call("DescribeLifecycleHooks " + target, () -> as.describeLifecycleHooks(r -> r
                    .autoScalingGroupName(target)).lifecycleHooks().stream().map(LifecycleHook::lifecycleHookName).toList());
            for (LifecycleHookSpecification h : hooks) {
                if (!present.contains(h.lifecycleHookName())) {
                    errors.run("PutLifecycleHook " + h.lifecycleHookName(), () -> as.putLifecycleHook(r -> r
                            .autoScalingGroupName(target).lifecycleHookName(h.lifecycleHookName())
                            .lifecycleTransition(h.lifecycleTransition()).notificationTargetARN(h.notificationTargetARN())
                            .roleARN(h.roleARN()).heartbeatTimeout(h.heartbeatTimeout()).defaultResult(h.defaultResult())
                            .notificationMetadata(h.notificationMetadata())));
                }
            }
        }
        if (!spec.copySourceScalingPoliciesAndActions()) {
            return;
        }
        List<ScalingPolicy> policies = new ArrayList<>();
        errors.run("DescribePolicies " + source, () -> as.describePoliciesPaginator(r -> r.autoScalingGroupName(source))
                .scalingPolicies().forEach(policies::add));
        for (ScalingPolicy p : policies) {
            errors.run("PutScalingPolicy " + p.policyName(), () -> as.putScalingPolicy(r -> {
                r.autoScalingGroupName(target).policyName(p.policyName()).policyType(p.policyType())
                        .adjustmentType(p.adjustmentType()).scalingAdjustment(p.scalingAdjustment())
                        .cooldown(p.cooldown()).metricAggregationType(p.metricAggregationType())
                        .estimatedInstanceWarmup(p.estimatedInstanceWarmup()).minAdjustmentMagnitude(p.minAdjustmentMagnitude())
                        .enabled(p.enabled());
                if (p.hasStepAdjustments() && !p.stepAdjustments().isEmpty()) {
                    r.stepAdjustments(p.stepAdjustments());
                }
                if (p.targetTrackingConfiguration() != null) {
                    r.targetTrackingConfiguration(p.targetTrackingConfiguration());
                }
                if (p.predictiveScalingConfiguration() != null) {
                    r.predictiveScalingConfiguration(p.predictiveScalingConfiguration());
                }
            }));
        }
        List<ScheduledUpdateGroupAction> actions = new ArrayList<>();
        errors.run("DescribeScheduledActions " + source, () -> as.describeScheduledActionsPaginator(r -> r
                .autoScalingGroupName(source)).scheduledUpdateGroupActions().forEach(actions::add));
        java.time.Instant now = java.time.Instant.now();
        for (ScheduledUpdateGroupAction a : actions) {
            errors.run("PutScheduledUpdateGroupAction " + a.scheduledActionName(), () -> as.putScheduledUpdateGroupAction(r -> {
                r.autoScalingGroupName(target).scheduledActionName(a.scheduledActionName())
                        .recurrence(a.recurrence()).minSize(a.minSize()).maxSize(a.maxSize())
                        .desiredCapacity(a.desiredCapacity()).timeZone(a.timeZone());
                // A start time in the past is refused; a recurring action keeps its schedule without it.
                if (a.startTime() != null && a.startTime().isAfter(now)) {
                    r.startTime(a.startTime());
                }
                if (a.endTime() != null && a.endTime().isAfter(now)) {
                    r.endTime(a.endTime());
                }
            }));
        }
    }

    /** Unless the group exists after all (then the template is its own): a template nobody uses is left behind. */
    private void deleteTemplateQuietly(AwsRegion region, String name) {
        try {
            if (region.readGroup(name).isEmpty()) {
                templates.delete(region, name);
            }
        } catch (RuntimeException e) {
            LOG.warn("launch template {} of a server group that could not be created was not deleted: {}", name,
                    e.getMessage());
        }
    }
}
