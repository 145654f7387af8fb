package io.clusterdeploy.provider.aws;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;

/** Creates a target group, or brings an existing one's health check and draining time in line with the spec. */
final class TargetGroupWriter {
    private final AwsErrors errors;

    TargetGroupWriter(AwsErrors errors) {
        this.errors = errors;
    }

    /** The target group's ARN. Port, protocol and VPC of an existing group cannot change (AWS refuses). */
    String upsert(AwsRegion region, String name, TargetGroupSpec spec, String vpcId) {
        var elb = region.clients.elb;
        Map<String, TargetGroup> existing = errors.call("DescribeTargetGroups " + name,
                () -> region.reader.targetGroupsByName(java.util.List.of(name)));
        TargetGroup tg = existing.get(name);
        String vpc = spec.vpcId() != null ? spec.vpcId() : vpcId;
        if (tg != null && (tg.port() != spec.port() || !tg.protocolAsString().equals(spec.protocol())
                || vpc != null && !vpc.equals(tg.vpcId()))) {
            throw io.clusterdeploy.engine.error.ClusterDeployException.invalid("spec.port", "target group '" + name
                    + "' exists with port " + tg.port() + ", protocol " + tg.protocolAsString() + " in " + tg.vpcId()
                    + "; AWS cannot change these, so use another name");
        }
        String arn;
        if (tg == null) {
            // AWS answers a retried identical create with the same group; moto refuses it as a duplicate name: read
            // back by name, and adopt a group of this name with the port, protocol and VPC asked for.
            arn = Idempotent.call(errors, "CreateTargetGroup " + name, () -> elb.createTargetGroup(r -> {
                r.name(name).port(spec.port()).protocol(ProtocolEnum.fromValue(spec.protocol())).vpcId(vpc)
                        .targetType(TargetTypeEnum.INSTANCE)
                        .healthCheckProtocol(ProtocolEnum.fromValue(spec.healthCheckProtocol()))
                        .healthCheckPort(spec.healthCheckPort())
                        .healthCheckIntervalSeconds(spec.intervalSeconds())
                        .healthCheckTimeoutSeconds(spec.timeoutSeconds())
                        .healthyThresholdCount(spec.healthyThreshold())
                        .unhealthyThresholdCount(spec.unhealthyThreshold());
                if (spec.healthCheckPath() != null) {
                    r.healthCheckPath(spec.healthCheckPath());
                }
                if (spec.matcher() != null) {
                    r.matcher(m -> m.httpCode(spec.matcher()));
                }
            }).targetGroups().get(0).targetGroupArn(), () -> Optional.ofNullable(region.reader
                    .targetGroupsByName(List.of(name)).get(name)).filter(t -> t.port() == spec.port()
                            && t.protocolAsString().equals(spec.protocol()) && (vpc == null || vpc.equals(t.vpcId())))
                    .map(TargetGroup::targetGroupArn));
        } else {
            arn = tg.targetGroupArn();
            boolean same = tg.healthCheckIntervalSeconds() == spec.intervalSeconds()
                    && tg.healthCheckTimeoutSeconds() == spec.timeoutSeconds()
                    && tg.healthyThresholdCount() == spec.healthyThreshold()
                    && tg.unhealthyThresholdCount() == spec.unhealthyThreshold()
                    && java.util.Objects.equals(tg.healthCheckPath(), spec.healthCheckPath())
                    && java.util.Objects.equals(tg.healthCheckPort(), spec.healthCheckPort());
            if (!same) {
                errors.run("ModifyTargetGroup " + name, () -> elb.modifyTargetGroup(r -> {
                    r.targetGroupArn(arn).healthCheckPort(spec.healthCheckPort())
                            .healthCheckIntervalSeconds(spec.intervalSeconds())
                            .healthCheckTimeoutSeconds(spec.timeoutSeconds())
                            .healthyThresholdCount(spec.healthyThreshold())
                            .unhealthyThresholdCount(spec.unhealthyThreshold());
                    if (spec.healthCheckPath() != null) {
                        r.healthCheckPath(spec.healthCheckPath());
                    }
                }));
            }
        }
        Integer known = region.cache.deregistrationDelays.get(arn);
        if (known == null || known != spec.deregistrationDelaySeconds()) {
            errors.run("ModifyTargetGroupAttributes " + name, () -> elb.modifyTargetGroupAttributes(r -> r.targetGroupArn(arn)
                    .attributes(a -> a.key("deregistration_delay.timeout_seconds")
                            .value(String.valueOf(spec.deregistrationDelaySeconds())))));
            region.cache.deregistrationDelays.put(arn, spec.deregistrationDelaySeconds());
        }
        region.cache.targetGroupsByArn.remove(arn);
        region.targetGroup(arn);
        return arn;
    }
}
