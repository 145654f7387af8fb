package io.clusterdeploy.provider.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.HealthState;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.operation.OperationStatus;
import io.clusterdeploy.engine.provider.CreateServerGroupRequest;
import io.clusterdeploy.engine.provider.UpsertLoadBalancerRequest;
import io.clusterdeploy.engine.testing.EngineHarness;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;

/**
 * A mutating call that AWS handled but whose answer was lost is retried by the SDK; the retry then finds the work
 * done (a group or template already deleted, targets already deregistered, a name already taken by what the first
 * attempt created). Each case drops exactly the answer of one chosen call (the proxy forwards it to moto, then closes
 * the connection) and the operation must converge: no error, the cloud as if the answer had come.
 * {@link #everyMutationWhoseAnswerIsLostConverges} does this for every kind of mutating call the provider sends, and
 * fails when the provider sends one the list does not cover.
 */
class LostAnswerTest {
    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();
    private static final String V000 = "hello-prod-v000";

    private AwsFixture fx;

    /** Every mutating action the provider sends (the lifecycle below sends each at least once). */
    static final List<String> MUTATIONS = List.of("CreateSecurityGroup", "AuthorizeSecurityGroupIngress",
            "RevokeSecurityGroupIngress", "CreateTargetGroup", "ModifyTargetGroupAttributes", "CreateLoadBalancer",
            "CreateListener", "CreateLaunchTemplate", "CreateAutoScalingGroup", "PutScalingPolicy",
            "PutScheduledUpdateGroupAction", "SuspendProcesses", "DeregisterTargets", "ResumeProcesses",
            "UpdateAutoScalingGroup", "RegisterTargets", "DeleteAutoScalingGroup", "DeleteLaunchTemplate");

    /** Creates a blind retry could repeat: the provider reads back before retrying them (moto would make two). */
    static final java.util.Set<String> READ_BACK_BEFORE_RETRY = java.util.Set.of("CreateLoadBalancer", "CreateListener");

    @BeforeEach
    void setUp() {
        fx = new AwsFixture(MOTO.server());
    }

    @AfterEach
    void tearDown() {
        fx.close();
        assertThat(fx.proxy.unimplemented()).isEmpty();
    }

    private List<MotoProxy.Call> calls(String action) {
        return fx.proxy.calls().stream().filter(c -> c.action().equals(action)).toList();
    }

    private String tgArn() {
        return fx.moto.elb.describeTargetGroups(r -> r.names(ProviderCalls.LB)).targetGroups().get(0).targetGroupArn();
    }

    /** The instances moto has registered in the target group (moto's own view, not the data plane's). */
    private List<String> registered() {
        String arn = tgArn();
        return fx.moto.elb.describeTargetHealth(r -> r.targetGroupArn(arn)).targetHealthDescriptions().stream()
                .filter(d -> d.targetHealth().stateAsString().equals("healthy")).map(d -> d.target().id()).sorted()
                .toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DeleteAutoScalingGroup", "DeleteLaunchTemplate"})
    void aDestroyWhoseDeleteAnswerWasLostConvergesAndIsRepeatable(String lost) {
        ProviderCalls.loadBalancer(fx, 1);
        fx.provider.createServerGroup(ProviderCalls.request(fx, V000, Capacity.fixed(1), fx.spec("v1", true)));
        fx.proxy.clearCounts();
        fx.proxy.failNext(lost, MotoProxy.Fault.DROP_AFTER);

        fx.provider.destroy(Moto.REGION, V000);

        assertThat(calls(lost)).as("the lost call and its retry").hasSize(2);
        assertThat(fx.moto.autoScaling.describeAutoScalingGroups().autoScalingGroups()).isEmpty();
        assertThat(fx.moto.ec2.describeLaunchTemplates().launchTemplates()).isEmpty();
        assertThat(fx.provider.serverGroup(Moto.REGION, V000)).isEmpty();

        // A destroy repeated (a resumed step, a retried operation) finds nothing to do and succeeds.
        fx.provider.destroy(Moto.REGION, V000);

        assertThat(calls("DeleteLaunchTemplate")).as("every DeleteLaunchTemplate names its template").allSatisfy(c ->
                assertThat(c.params().containsKey("LaunchTemplateId") || c.params().containsKey("LaunchTemplateName"))
                        .as("%s", c.params()).isTrue());
    }

    @Test
    void aDisableWhoseDeregisterAnswerWasLostConverges() {
        ProviderCalls.loadBalancer(fx, 1);
        ProviderCalls.deployAndAwaitUp(fx, V000, 2);
        fx.proxy.clearCounts();
        fx.proxy.failNext("DeregisterTargets", MotoProxy.Fault.DROP_AFTER);

        ServerGroup disabled = fx.provider.disable(Moto.REGION, V000, 100);

        assertThat(calls("DeregisterTargets")).as("the lost call and what followed it").hasSizeGreaterThanOrEqualTo(2);
        assertThat(disabled.disabled()).isTrue();
        assertThat(registered()).isEmpty();
        assertThat(disabled.instances()).hasSize(2).allSatisfy(i -> assertThat(i.health()).isEqualTo(HealthState.OUT_OF_SERVICE));
    }

    @Test
    void aPartialDisableWhoseDeregisterAnswerWasLostTakesOutItsShareOnly() {
        ProviderCalls.loadBalancer(fx, 1);
        ProviderCalls.deployAndAwaitUp(fx, V000, 2);
        List<String> before = registered();
        fx.proxy.failNext("DeregisterTargets", MotoProxy.Fault.DROP_AFTER);

        ServerGroup half = fx.provider.disable(Moto.REGION, V000, 50);

        assertThat(half.disabled()).isFalse();
        assertThat(registered()).hasSize(1).isSubsetOf(before);
        // Repeated, it counts the instance already out and takes out no other.
        fx.provider.disable(Moto.REGION, V000, 50);
        assertThat(registered()).hasSize(1);
    }

    @Test
    void aHighlanderWhoseOldGroupLosesItsAnswersEndsWithTheNewGroupServing() throws Exception {
        ProviderCalls.loadBalancer(fx, 1);
        try (EngineHarness engine = new EngineHarness(fx.provider)) {
            OperationState v1 = run(engine, ProviderCalls.deploy(fx, "none", "v1", true, Map.of()));
            assertThat(v1.status()).as("%s", v1.error()).isEqualTo(OperationStatus.SUCCEEDED);
            fx.proxy.clearCounts();
            // The first of each in the highlander: disabling hello-prod-v000, then destroying it.
            fx.proxy.failNext("DeregisterTargets", MotoProxy.Fault.DROP_AFTER);
            fx.proxy.failNext("DeleteLaunchTemplate", MotoProxy.Fault.DROP_AFTER);

            OperationState s = run(engine, ProviderCalls.deploy(fx, "highlander", "v2", true, Map.of()));

            assertThat(s.status()).as("%s %s", s.error(), s.steps()).isEqualTo(OperationStatus.SUCCEEDED);
            assertThat(calls("DeregisterTargets")).isNotEmpty();
            assertThat(calls("DeleteLaunchTemplate")).hasSizeGreaterThanOrEqualTo(2);
            fx.provider.refresh();
            List<ServerGroup> cluster = fx.provider.serverGroups("hello");
            assertThat(cluster).extracting(ServerGroup::name).containsExactly("hello-prod-v001");
            assertThat(cluster.get(0).isActive()).as("%s", cluster).isTrue();
        }
    }

    private Map<String, Object> lbSpec(int lbPort) {
        Map<String, Object> spec = new HashMap<>(fx.loadBalancerSpec());
        spec.put("deregistrationDelaySeconds", 1);
        spec.put("loadBalancer", Map.of("subnetIds", fx.subnets, "securityGroups", List.of("hello-prod-lb"),
                "listeners", List.of(Map.of("port", 80))));
        spec.put("securityGroupIngress", Map.of("hello-prod-lb", List.of(Map.of("protocol", "tcp", "fromPort", lbPort,
                "cidr", "10.0.0.0/8"))));
        return spec;
    }

    private List<Integer> ingressPorts(String group) {
        return SecurityGroupWriter.flatten(fx.moto.ec2.describeSecurityGroups(r -> r.filters(Filter.builder()
                .name("group-name").values(group).build())).securityGroups().get(0).ipPermissions()).stream()
                .map(IpPermission::fromPort).toList();
    }

    private ServerGroup create(String name, Capacity capacity) {
        Map<String, Object> spec = new HashMap<>(fx.spec("v1", true));
        spec.put("securityGroupIngress", Map.of("hello-prod", List.of(Map.of("protocol", "tcp", "fromPort", 8080,
                "sourceSecurityGroup", "hello-prod-lb"))));
        return fx.provider.createServerGroup(new CreateServerGroupRequest(name, Moto.REGION, capacity,
                List.of(ProviderCalls.LB), List.of("hello-prod"), spec, Map.of()));
    }

    /**
     * The whole life of a cluster, with the first answer to one kind of call lost: load balancer and security groups
     * upserted, a group created, disabled, resized while disabled, enabled, a second group created from it (its
     * scaling policy and scheduled action copied), the load balancer's rule changed, both groups destroyed. Every
     * step must succeed and leave the cloud as it would be without the fault.
     */
    @ParameterizedTest
    @MethodSource("mutations")
    void everyMutationWhoseAnswerIsLostConverges(String lost) {
        fx.proxy.failNext(lost, MotoProxy.Fault.DROP_AFTER);

        fx.provider.upsertLoadBalancer(new UpsertLoadBalancerRequest(ProviderCalls.LB, Moto.REGION, lbSpec(80)));
        assertThat(fx.moto.inventory()).containsEntry("targetGroups", 1).containsEntry("loadBalancers", 1);
        assertThat(ingressPorts("hello-prod-lb")).containsExactly(80);

        create(V000, Capacity.fixed(1));
        ProviderCalls.awaitUp(fx, V000, 1);
        assertThat(fx.provider.disable(Moto.REGION, V000, 100).disabled()).isTrue();
        assertThat(registered()).isEmpty();
        fx.provider.resize(Moto.REGION, V000, Capacity.fixed(2));
        assertThat(registered()).as("a disabled group stays out of traffic after a resize").isEmpty();
        ServerGroup enabled = fx.provider.enable(Moto.REGION, V000);
        assertThat(enabled.enabled()).isTrue();
        assertThat(registered()).hasSize(2);

        var as = fx.moto.autoScaling;
        as.putScalingPolicy(r -> r.autoScalingGroupName(V000).policyName("scale-out").policyType("SimpleScaling")
                .adjustmentType("ChangeInCapacity").scalingAdjustment(1).cooldown(120));
        as.putScheduledUpdateGroupAction(r -> r.autoScalingGroupName(V000).scheduledActionName("mornings")
                .recurrence("0 8 * * *").minSize(0).maxSize(2).desiredCapacity(1));
        fx.provider.refresh();
        create("hello-prod-v001", Capacity.fixed(0));
        assertThat(as.describePolicies(r -> r.autoScalingGroupName("hello-prod-v001")).scalingPolicies()).hasSize(1);
        assertThat(as.describeScheduledActions(r -> r.autoScalingGroupName("hello-prod-v001"))
                .scheduledUpdateGroupActions()).hasSize(1);
        assertThat(fx.moto.ec2.describeLaunchTemplates().launchTemplates()).hasSize(2);

        fx.provider.upsertLoadBalancer(new UpsertLoadBalancerRequest(ProviderCalls.LB, Moto.REGION, lbSpec(443)));
        assertThat(ingressPorts("hello-prod-lb")).containsExactly(443);

        fx.provider.destroy(Moto.REGION, "hello-prod-v001");
        fx.provider.destroy(Moto.REGION, V000);

        if (READ_BACK_BEFORE_RETRY.contains(lost)) {
            assertThat(calls(lost)).as("the lost %s, found by reading back, is never sent again", lost).hasSize(1);
        } else {
            assertThat(calls(lost)).as("the lost %s and its retry", lost).hasSizeGreaterThanOrEqualTo(2);
        }
        assertThat(fx.proxy.injected()).containsEntry(MotoProxy.Fault.DROP_AFTER, 1);
        assertThat(fx.moto.inventory()).containsEntry("autoScalingGroups", 0).containsEntry("launchTemplates", 0)
                .containsEntry("targetGroups", 1).containsEntry("loadBalancers", 1);
        String lbArn = fx.moto.elb.describeLoadBalancers().loadBalancers().get(0).loadBalancerArn();
        assertThat(fx.moto.elb.describeListeners(r -> r.loadBalancerArn(lbArn)).listeners()).hasSize(1);
        assertThat(fx.moto.ec2.describeSecurityGroups(r -> r.filters(Filter.builder().name("group-name")
                .values("hello-prod", "hello-prod-lb").build())).securityGroups()).hasSize(2);
        assertThat(calls("DeleteLaunchTemplate")).as("every DeleteLaunchTemplate names its template").allSatisfy(c ->
                assertThat(c.params()).containsKey("LaunchTemplateId"));
        assertThat(fx.proxy.calls().stream().filter(MotoProxy.Call::mutating).map(MotoProxy.Call::action).distinct())
                .as("a mutating call this test does not lose").isSubsetOf(MUTATIONS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CreateLoadBalancer", "CreateListener"})
    void aLoadBalancerOrListenerWhoseCreateAnswerWasLostIsMadeOnce(String lost) {
        fx.proxy.failNext(lost, MotoProxy.Fault.DROP_AFTER);

        fx.provider.upsertLoadBalancer(new UpsertLoadBalancerRequest(ProviderCalls.LB, Moto.REGION, lbSpec(80)));

        assertThat(calls(lost)).as("found by reading back, never sent again").hasSize(1);
        assertThat(fx.moto.elb.describeLoadBalancers().loadBalancers()).hasSize(1);
        String lbArn = fx.moto.elb.describeLoadBalancers().loadBalancers().get(0).loadBalancerArn();
        assertThat(fx.moto.elb.describeListeners(r -> r.loadBalancerArn(lbArn)).listeners()).singleElement()
                .satisfies(l -> assertThat(l.port()).isEqualTo(80));
    }

    static List<String> mutations() {
        return MUTATIONS;
    }

    private static OperationState run(EngineHarness engine, Map<String, Object> request) throws InterruptedException {
        OperationState started = engine.runner.start(request);
        OperationState s = engine.runner.awaitFinished(started.id(), Duration.ofMinutes(5));
        assertThat(s.status()).as("still running: %s", s.steps()).isNotEqualTo(OperationStatus.RUNNING);
        return s;
    }
}
