package io.clusterdeploy.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.HealthState;
import io.clusterdeploy.engine.model.Instance;
import io.clusterdeploy.engine.provider.CreateServerGroupRequest;
import io.clusterdeploy.engine.provider.InstanceDetails;
import io.clusterdeploy.provider.kubernetes.manifest.Keys;
import io.clusterdeploy.provider.kubernetes.sim.SampleApp;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The instance panel's facts for a pod: read from the cluster's own pod, checks from its readiness; no log. */
class InstanceDetailsTest {
    private KubernetesFixture fx;

    @BeforeEach
    void start() {
        fx = new KubernetesFixture(Duration.ofSeconds(1), 0);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private void deploy(String name, boolean healthy) {
        fx.provider.createServerGroup(new CreateServerGroupRequest(name, "prod", Capacity.fixed(1), List.of(), List.of(),
                Map.of("podTemplate", SampleApp.podTemplate("v1", healthy)), Map.of()));
    }

    private Instance instance(String group, HealthState state) {
        return Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(
                () -> fx.provider.serverGroup("prod", group).orElseThrow().instances(),
                l -> l.size() == 1 && l.get(0).health() == state).get(0);
    }

    @Test
    void aReadyPodsFactsAreTheClustersAndItsChecksPass() {
        deploy("hello-prod-v000", true);
        Instance i = instance("hello-prod-v000", HealthState.UP);
        Pod pod = fx.cluster.admin().pods().inNamespace("prod").withName(i.id()).get();

        InstanceDetails d = fx.provider.instanceDetails("prod", "hello-prod-v000", i.id());
        assertThat(d.facts()).containsEntry("namespace", "prod").containsEntry("pod", i.id())
                .containsEntry("pod IP", pod.getStatus().getPodIP()).containsEntry("phase", pod.getStatus().getPhase())
                .containsEntry("restarts", "0").containsKey("node");
        assertThat(d.healthChecks()).first().satisfies(c -> {
            assertThat(c.type()).isEqualTo("readiness");
            assertThat(c.state()).isEqualTo(HealthState.UP);
        });
        assertThat(d.healthChecks()).filteredOn(c -> c.type().equals("container"))
                .isNotEmpty().allSatisfy(c -> assertThat(c.state()).isEqualTo(HealthState.UP));
        assertThat(fx.provider.instanceLog("prod", "hello-prod-v000", i.id(), 10)).as("no pod logs yet").isEmpty();
    }

    @Test
    void anUnreadyPodFailsItsChecksAndAnotherGroupsPodIsNotThisOnes() {
        deploy("hello-prod-v000", false);
        Instance i = instance("hello-prod-v000", HealthState.STARTING);
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(() ->
                fx.provider.instanceDetails("prod", "hello-prod-v000", i.id()).healthChecks().get(0).state()
                        == HealthState.DOWN);
        assertThat(fx.cluster.admin().pods().inNamespace("prod").withName(i.id()).get().getMetadata().getLabels())
                .containsEntry(Keys.SERVER_GROUP, "hello-prod-v000");
        assertThat(fx.provider.instanceDetails("prod", "hello-prod-v001", i.id())).isEqualTo(InstanceDetails.NONE);
        assertThat(fx.provider.instanceDetails("elsewhere", "hello-prod-v000", i.id())).isEqualTo(InstanceDetails.NONE);
        assertThat(fx.provider.instanceDetails("prod", "hello-prod-v000", "no-such-pod")).isEqualTo(InstanceDetails.NONE);
    }
}
