package io.clusterdeploy.provider.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.operation.OperationStatus;
import io.clusterdeploy.engine.testing.EngineHarness;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;

/**
 * What a new group takes from its cluster: the source's scaling policies, scheduled actions and lifecycle hooks
 * (unless told not to), never its name (a create over an existing group is refused; a create whose answer was lost
 * is adopted), and with useSourceCapacity its capacity, the source's pinned minimum restored after success and
 * after failure.
 */
class SourceGroupTest {
    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    private AwsFixture fx;

    @BeforeEach
    void setUp() {
        fx = new AwsFixture(MOTO.server());
        ProviderCalls.loadBalancer(fx, 2);
    }

    @AfterEach
    void tearDown() {
        fx.close();
        assertThat(fx.proxy.unimplemented()).isEmpty();
    }

    private AutoScalingGroup asg(String name) {
        return fx.moto.autoScaling.describeAutoScalingGroups(r -> r.autoScalingGroupNames(name)).autoScalingGroups().get(0);
    }

    @Test
    void copiesTheSourcesScalingPoliciesScheduledActionsAndLifecycleHooksUnlessToldNot() {
        fx.provider.createServerGroup(ProviderCalls.request(fx, "hello-prod-v000", Capacity.fixed(1), fx.spec("v1", true)));
        var as = fx.moto.autoScaling;
        as.putScalingPolicy(r -> r.autoScalingGroupName("hello-prod-v000").policyName("scale-out")
                .policyType("SimpleScaling").adjustmentType("ChangeInCapacity").scalingAdjustment(1).cooldown(120));
        as.putScheduledUpdateGroupAction(r -> r.autoScalingGroupName("hello-prod-v000").scheduledActionName("mornings")
                .recurrence("0 8 * * *").minSize(1).maxSize(4).desiredCapacity(2));
        as.putLifecycleHook(r -> r.autoScalingGroupName("hello-prod-v000").lifecycleHookName("warm-up")
                .lifecycleTransition("autoscaling:EC2_INSTANCE_LAUNCHING").heartbeatTimeout(300).defaultResult("CONTINUE"));
        fx.provider.refresh();

        fx.provider.createServerGroup(ProviderCalls.request(fx, "hello-prod-v001", Capacity.fixed(1), fx.spec("v2", true)));

        assertThat(as.describePolicies(r -> r.autoScalingGroupName("hello-prod-v001")).scalingPolicies())
                .singleElement().satisfies(p -> {
                    assertThat(p.policyName()).isEqualTo("scale-out");
                    assertThat(p.adjustmentType()).isEqualTo("ChangeInCapacity");
                    assertThat(p.scalingAdjustment()).isEqualTo(1);
                });
        assertThat(as.describeScheduledActions(r -> r.autoScalingGroupName("hello-prod-v001")).scheduledUpdateGroupActions())
                .singleElement().satisfies(a -> {
                    assertThat(a.scheduledActionName()).isEqualTo("mornings");
                    assertThat(a.recurrence()).isEqualTo("0 8 * * *");
                    assertThat(a.maxSize()).isEqualTo(4);
                });
        assertThat(as.describeLifecycleHooks(r -> r.autoScalingGroupName("hello-prod-v001")).lifecycleHooks())
                .singleElement().satisfies(h -> {
                    assertThat(h.lifecycleHookName()).isEqualTo("warm-up");
                    assertThat(h.lifecycleTransition()).isEqualTo("autoscaling:EC2_INSTANCE_LAUNCHING");
                });

        Map<String, Object> noCopy = new HashMap<>(fx.spec("v3", true));
        noCopy.put("copySourceScalingPoliciesAndActions", false);
        noCopy.put("copySourceLifecycleHooks", false);
        fx.provider.createServerGroup(ProviderCalls.request(fx, "hello-prod-v002", Capacity.fixed(1), noCopy));
        assertThat(as.describePolicies(r -> r.autoScalingGroupName("hello-prod-v002")).scalingPolicies()).isEmpty();
        assertThat(as.describeScheduledActions(r -> r.autoScalingGroupName("hello-prod-v002"))
                .scheduledUpdateGroupActions()).isEmpty();
        assertThat(as.describeLifecycleHooks(r -> r.autoScalingGroupName("hello-prod-v002")).lifecycleHooks()).isEmpty();
    }

    @Test
    void theLaunchTemplateHoldsEveryFieldAndTheGroupCarriesItsMoniker() {
        Map<String, Object> spec = new HashMap<>(fx.spec("v1", true));
        fx.provider.createServerGroup(ProviderCalls.request(fx, "hello-prod-canary-v007", Capacity.fixed(1), spec));
        AutoScalingGroup g = asg("hello-prod-canary-v007");
        var version = fx.moto.ec2.describeLaunchTemplateVersions(r -> r.launchTemplateId(g.launchTemplate()
                .launchTemplateId()).versions(g.launchTemplate().version())).launchTemplateVersions().get(0);
        assertThat(version.launchTemplateName()).isEqualTo("hello-prod-canary-v007");
        assertThat(version.launchTemplateData().imageId()).isEqualTo(fx.imageId);
        assertThat(version.launchTemplateData().instanceTypeAsString()).isEqualTo("t3.micro");
        assertThat(new String(java.util.Base64.getDecoder().decode(version.launchTemplateData().userData())))
                .contains("SAMPLE_APP_VERSION=v1");
        Map<String, String> tags = new HashMap<>();
        g.tags().forEach(t -> tags.put(t.key(), t.value()));
        assertThat(tags).containsEntry("cluster-deploy/moniker/application", "hello")
                .containsEntry("cluster-deploy/moniker/cluster", "hello-prod-canary")
                .containsEntry("cluster-deploy/moniker/stack", "prod")
                .containsEntry("cluster-deploy/moniker/detail", "canary")
                .containsEntry("cluster-deploy/moniker/sequence", "7")
                .containsEntry("team", "conformance");
        assertThat(g.vpcZoneIdentifier()).contains(fx.subnets.get(0));
        ServerGroup model = fx.provider.serverGroup(Moto.REGION, "hello-prod-canary-v007").orElseThrow();
        assertThat(model.artifact()).isEqualTo(fx.imageId);
        assertThat(model.loadBalancers()).containsExactly(ProviderCalls.LB);
        assertThat(model.tags()).containsEntry("team", "conformance").doesNotContainKey("cluster-deploy/create-token");
    }

    @Test
    void neverCreatesOverAnExistingGroup() {
        fx.provider.createServerGroup(ProviderCalls.request(fx, "hello-prod-v000", Capacity.fixed(1), fx.spec("v1", true)));
        List<String> instances = asg("hello-prod-v000").instances().stream().map(i -> i.instanceId()).toList();
        int templates = fx.moto.ec2.describeLaunchTemplates().launchTemplates().size();

        assertThatThrownBy(() -> fx.provider.createServerGroup(ProviderCalls.request(fx, "hello-prod-v000",
                Capacity.fixed(2), fx.spec("v2", true)))).isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT);
                    assertThat(e.field()).isEqualTo("name");
                    assertThat(e.getMessage()).contains("already exists");
                });
        assertThat(fx.proxy.counts()).containsEntry("autoscaling:CreateAutoScalingGroup", 1);
        assertThat(asg("hello-prod-v000").instances()).extracting(i -> i.instanceId()).isEqualTo(instances);
        assertThat(fx.moto.ec2.describeLaunchTemplates().launchTemplates()).hasSize(templates);
    }

    @Test
    void aCreateWhoseAnswerWasLostIsAdoptedOnRetryNotDuplicated() {
        fx.proxy.failNext("CreateAutoScalingGroup", MotoProxy.Fault.DROP_AFTER);

        ServerGroup created = fx.provider.createServerGroup(ProviderCalls.request(fx, "hello-prod-v000",
                Capacity.fixed(1), fx.spec("v1", true)));

        assertThat(created.name()).isEqualTo("hello-prod-v000");
        assertThat(fx.proxy.counts()).containsEntry("autoscaling:CreateAutoScalingGroup", 2);
        assertThat(fx.moto.autoScaling.describeAutoScalingGroups().autoScalingGroups()).hasSize(1);
        assertThat(fx.moto.ec2.describeLaunchTemplates().launchTemplates()).hasSize(1);
    }

    private OperationState rolling(EngineHarness engine, String version, boolean healthy) throws InterruptedException {
        Map<String, Object> r = ProviderCalls.deploy(fx, "rollingredblack", version, healthy,
                Map.of("useSourceCapacity", true, "targetPercentages", List.of(50)));
        r.remove("capacity");
        return engine.run(r);
    }

    @Test
    void useSourceCapacityPinsTheSourcesMinimumAndRestoresItAfterSuccessAndAfterFailure() throws Exception {
        try (EngineHarness engine = new EngineHarness(fx.provider)) {
            fx.provider.createServerGroup(ProviderCalls.request(fx, "hello-prod-v000", new Capacity(1, 2, 3),
                    fx.spec("v1", true)));
            ProviderCalls.awaitUp(fx, "hello-prod-v000", 2);

            OperationState failed = rolling(engine, "v2", false);
            assertThat(failed.status()).isEqualTo(OperationStatus.FAILED);
            assertThat(failed.steps()).anyMatch(s -> s.name().equals("pinSourceCapacity"));
            assertThat(asg("hello-prod-v000").minSize()).as("minimum restored after the failure").isEqualTo(1);
            assertThat(fx.provider.serverGroup(Moto.REGION, "hello-prod-v000").orElseThrow().enabled()).isTrue();

            OperationState ok = rolling(engine, "v3", true);
            assertThat(ok.status()).as("%s", ok.error()).isEqualTo(OperationStatus.SUCCEEDED);
            assertThat(asg("hello-prod-v002").desiredCapacity()).as("capacity from the source").isEqualTo(2);
            assertThat(asg("hello-prod-v000").minSize()).as("minimum restored after success").isEqualTo(1);
        }
    }
}
