package io.clusterdeploy.provider.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.HealthState;
import io.clusterdeploy.engine.model.Instance;
import io.clusterdeploy.engine.model.ServerGroup;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.autoscaling.model.SuspendedProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The requests enable, disable and resize send. moto stores suspended processes but does not enforce them (a group
 * with Terminate suspended still scales in there), so what AWS would do with them is shown by what is sent, in
 * which order, and by what moto stored.
 */
class TrafficRequestsTest {
    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();
    private static final String GROUP = "hello-prod-v000";

    private AwsFixture fx;

    @BeforeEach
    void setUp() {
        fx = new AwsFixture(MOTO.server());
    }

    @AfterEach
    void tearDown() {
        fx.close();
        assertThat(fx.proxy.unimplemented()).isEmpty();
    }

    private List<String> suspendedInMoto() {
        return fx.moto.autoScaling.describeAutoScalingGroups(r -> r.autoScalingGroupNames(GROUP)).autoScalingGroups()
                .get(0).suspendedProcesses().stream().map(SuspendedProcess::processName).sorted().toList();
    }

    private List<String> registeredInMoto() {
        String arn = fx.moto.elb.describeTargetGroups(r -> r.names(ProviderCalls.LB)).targetGroups().get(0).targetGroupArn();
        return fx.moto.elb.describeTargetHealth(r -> r.targetGroupArn(arn)).targetHealthDescriptions().stream()
                .filter(d -> d.targetHealth().stateAsString().equals("healthy")).map(d -> d.target().id()).sorted().toList();
    }

    /** A group of two, up, then disabled; the proxy's record starts after that. */
    private void disabledGroupOfTwo() {
        ProviderCalls.loadBalancer(fx, 2);
        ProviderCalls.deployAndAwaitUp(fx, GROUP, 2);
        fx.provider.disable(Moto.REGION, GROUP, 100);
        fx.proxy.clearCounts();
    }

    @Test
    void aFullDisableSuspendsLaunchTerminateAndAddToLoadBalancerBeforeDeregisteringEveryInstance() {
        ProviderCalls.loadBalancer(fx, 2);
        ServerGroup up = ProviderCalls.deployAndAwaitUp(fx, GROUP, 2);
        fx.proxy.clearCounts();

        ServerGroup disabled = fx.provider.disable(Moto.REGION, GROUP, 100);

        List<MotoProxy.Call> sent = ProviderCalls.mutations(fx);
        assertThat(sent).extracting(MotoProxy.Call::action).containsExactly("SuspendProcesses", "DeregisterTargets");
        assertThat(ProviderCalls.processes(sent.get(0))).containsExactlyInAnyOrder("Launch", "Terminate", "AddToLoadBalancer");
        assertThat(sent.get(1).params().keySet().stream().filter(k -> k.matches("Targets\\.member\\.\\d+\\.Id")))
                .as("both instances deregistered").hasSize(2);
        assertThat(suspendedInMoto()).containsExactly("AddToLoadBalancer", "Launch", "Terminate");
        assertThat(registeredInMoto()).isEmpty();
        assertThat(disabled.disabled()).isTrue();
        assertThat(disabled.instances()).extracting(Instance::health).containsOnly(HealthState.OUT_OF_SERVICE);
        assertThat(up.instances()).hasSize(2);
    }

    @Test
    void aPartialDisableOnlyDeregistersThatShareAndSuspendsNothing() {
        ProviderCalls.loadBalancer(fx, 2);
        ProviderCalls.deployAndAwaitUp(fx, GROUP, 2);
        fx.proxy.clearCounts();

        ServerGroup half = fx.provider.disable(Moto.REGION, GROUP, 50);

        assertThat(ProviderCalls.mutations(fx)).extracting(MotoProxy.Call::action).containsExactly("DeregisterTargets");
        assertThat(suspendedInMoto()).isEmpty();
        assertThat(registeredInMoto()).hasSize(1);
        assertThat(half.enabled()).isTrue();
        assertThat(half.instances()).extracting(Instance::health)
                .containsExactlyInAnyOrder(HealthState.UP, HealthState.OUT_OF_SERVICE);

        // Again at 50%: the instance already out counts, nothing more leaves.
        fx.proxy.clearCounts();
        fx.provider.disable(Moto.REGION, GROUP, 50);
        assertThat(ProviderCalls.mutations(fx)).isEmpty();
        assertThat(registeredInMoto()).hasSize(1);
    }

    @Test
    void resizingADisabledGroupResumesLaunchAndTerminateForTheResizeOnlyAndKeepsItOutOfTraffic() {
        disabledGroupOfTwo();

        ServerGroup resized = fx.provider.resize(Moto.REGION, GROUP, new Capacity(1, 1, 3));

        List<MotoProxy.Call> sent = ProviderCalls.mutations(fx);
        assertThat(sent).extracting(MotoProxy.Call::action).startsWith("ResumeProcesses", "UpdateAutoScalingGroup",
                "SuspendProcesses");
        assertThat(ProviderCalls.processes(sent.get(0))).containsExactlyInAnyOrder("Launch", "Terminate");
        assertThat(sent.get(1).params()).containsEntry("DesiredCapacity", "1").containsEntry("MinSize", "1")
                .containsEntry("MaxSize", "3");
        assertThat(ProviderCalls.processes(sent.get(2))).containsExactlyInAnyOrder("Launch", "Terminate");
        // Whatever moto did with the registrations on the resize, the disabled group ends with none.
        assertThat(sent.stream().skip(3).map(MotoProxy.Call::action)).allMatch("DeregisterTargets"::equals);
        assertThat(suspendedInMoto()).containsExactly("AddToLoadBalancer", "Launch", "Terminate");
        assertThat(registeredInMoto()).isEmpty();
        assertThat(resized.capacity()).isEqualTo(new Capacity(1, 1, 3));
        assertThat(resized.disabled()).isTrue();
    }

    @Test
    void changingOnlyTheBoundsOfADisabledGroupSendsNoDesiredCapacityAndResumesNothing() {
        disabledGroupOfTwo();

        fx.provider.resize(Moto.REGION, GROUP, new Capacity(0, 2, 4));

        List<MotoProxy.Call> sent = ProviderCalls.mutations(fx);
        assertThat(sent).extracting(MotoProxy.Call::action).containsExactly("UpdateAutoScalingGroup");
        assertThat(sent.get(0).params()).doesNotContainKey("DesiredCapacity").containsEntry("MinSize", "0");
        assertThat(registeredInMoto()).isEmpty();
    }

    @Test
    void enablingResumesTheThreeProcessesThenRegistersEveryInstance() {
        disabledGroupOfTwo();

        fx.provider.enable(Moto.REGION, GROUP);

        List<MotoProxy.Call> sent = ProviderCalls.mutations(fx);
        assertThat(sent).extracting(MotoProxy.Call::action).containsExactly("ResumeProcesses", "RegisterTargets");
        assertThat(ProviderCalls.processes(sent.get(0))).containsExactlyInAnyOrder("Launch", "Terminate", "AddToLoadBalancer");
        assertThat(suspendedInMoto()).isEmpty();
        assertThat(registeredInMoto()).hasSize(2);
        ServerGroup back = ProviderCalls.awaitUp(fx, GROUP, 2);
        assertThat(back.enabled()).isTrue();
    }

    @Test
    void disableReturnsOnlyAfterTheTargetGroupDrainedARequestInFlight() throws Exception {
        // A long deregistration delay: draining ends when the request ends, not when the delay runs out.
        ProviderCalls.loadBalancer(fx, 60);
        Map<String, Object> slow = new HashMap<>(fx.spec("v1", true));
        slow.put("userData", fx.spec("v1", true).get("userData").toString()
                .replace("SAMPLE_APP_VERSION=v1\n", "SAMPLE_APP_VERSION=v1\nSAMPLE_APP_FLAGS=--latency-ms 1500\n"));
        fx.provider.createServerGroup(ProviderCalls.request(fx, GROUP, Capacity.fixed(1), slow));
        ProviderCalls.awaitUp(fx, GROUP, 1);
        int port = fx.plane.routerFor(ProviderCalls.LB).orElseThrow();
        HttpClient http = HttpClient.newHttpClient();
        CompletableFuture<Long> requestEnded = http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + port + "/")).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> {
                    assertThat(r.statusCode()).isEqualTo(200);
                    return System.nanoTime();
                });
        // The request is in flight once the router counts it.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> fx.plane.inFlight() == 1);

        fx.provider.disable(Moto.REGION, GROUP, 100);
        long disableReturned = System.nanoTime();

        assertThat(requestEnded.get()).as("the in-flight request ended before disable returned").isLessThan(disableReturned);
    }
}
