package io.clusterdeploy.provider.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.model.HealthState;
import io.clusterdeploy.engine.model.Instance;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.provider.InstanceDetails;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The instance panel's facts for an EC2 instance: what moto's Auto Scaling and EC2 say of it; no log. */
class InstanceDetailsTest {
    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    @Test
    void zoneTypeAndAddressAsEc2SaysWithAutoScalingsAndTheTargetGroupsVerdicts() {
        try (AwsFixture fx = new AwsFixture(MOTO.server(), Map.of())) {
            ProviderCalls.loadBalancer(fx, 2);
            ServerGroup sg = ProviderCalls.deployAndAwaitUp(fx, "hello-prod-v000", 1);
            Instance i = sg.instances().get(0);
            var asgInstance = fx.moto.autoScaling.describeAutoScalingGroups(r -> r.autoScalingGroupNames("hello-prod-v000"))
                    .autoScalingGroups().get(0).instances().get(0);
            var ec2 = fx.moto.ec2.describeInstances(r -> r.instanceIds(i.id())).reservations().get(0).instances().get(0);

            InstanceDetails d = fx.provider.instanceDetails(Moto.REGION, "hello-prod-v000", i.id());
            assertThat(d.facts()).containsEntry("availability zone", ec2.placement().availabilityZone())
                    .containsEntry("availability zone", asgInstance.availabilityZone())
                    .containsEntry("private IP", ec2.privateIpAddress())
                    .containsEntry("lifecycle", "InService");
            assertThat(d.facts().get("instance type")).isEqualTo(asgInstance.instanceType() == null ? "unknown"
                    : asgInstance.instanceType());
            assertThat(d.healthChecks()).extracting(InstanceDetails.HealthCheck::type)
                    .containsExactly("auto scaling", "target group");
            assertThat(d.healthChecks()).allSatisfy(c -> assertThat(c.state()).isEqualTo(HealthState.UP));
            assertThat(d.healthChecks().get(1).target()).startsWith("target group hello-prod");
            assertThat(d.healthChecks().get(1).detail()).isEqualTo("healthy");

            fx.provider.disable(Moto.REGION, "hello-prod-v000", 100);
            assertThat(fx.provider.instanceDetails(Moto.REGION, "hello-prod-v000", i.id()).healthChecks().get(1).state())
                    .isNotEqualTo(HealthState.UP);
            assertThat(fx.provider.instanceDetails(Moto.REGION, "hello-prod-v000", "i-0000000000000000"))
                    .isEqualTo(InstanceDetails.NONE);
            assertThat(fx.provider.instanceDetails("mars-1", "hello-prod-v000", i.id())).isEqualTo(InstanceDetails.NONE);
            assertThat(fx.provider.instanceLog(Moto.REGION, "hello-prod-v000", i.id(), 10)).as("no console output yet")
                    .isEmpty();
        }
    }
}
