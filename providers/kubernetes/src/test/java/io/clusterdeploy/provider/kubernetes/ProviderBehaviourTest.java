package io.clusterdeploy.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.HealthState;
import io.clusterdeploy.engine.model.Instance;
import io.clusterdeploy.engine.model.SecurityGroup;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.provider.CreateServerGroupRequest;
import io.clusterdeploy.engine.provider.UpsertLoadBalancerRequest;
import io.clusterdeploy.provider.kubernetes.manifest.Keys;
import io.clusterdeploy.provider.kubernetes.sim.SampleApp;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the model and the cluster show after each operation, on the simulated cluster. */
class ProviderBehaviourTest {
    private KubernetesFixture fx;

    @BeforeEach
    void start() {
        fx = new KubernetesFixture(Duration.ofSeconds(1), 0);
        fx.provider.upsertLoadBalancer(new UpsertLoadBalancerRequest("hello-prod", "prod",
                Map.of("port", 80, "targetPort", "http")));
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private ServerGroup deploy(String name, String version, int n, Map<String, Object> extra, String operation) {
        Map<String, Object> spec = new java.util.HashMap<>(Map.of("podTemplate", SampleApp.podTemplate(version, true)));
        spec.putAll(extra);
        return fx.provider.createServerGroup(new CreateServerGroupRequest(name, "prod", Capacity.fixed(n),
                List.of("hello-prod"), List.of(), spec, Map.of(ServerGroup.TAG_OPERATION, operation)));
    }

    private ServerGroup group(String name) {
        return fx.provider.serverGroup("prod", name).orElseThrow();
    }

    private void awaitUp(String name, int n) {
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                .until(() -> group(name).instances().stream().filter(Instance::isUp).count() == n);
    }

    private List<Pod> pods(String group) {
        return fx.cluster.admin().pods().inNamespace("prod").withLabel(Keys.SERVER_GROUP, group).list().getItems();
    }

    @Test
    void theReplicaSetCarriesTheMonikerAndTheArtifactIsTheImageList() {
        ServerGroup sg = deploy("hello-prod-v000", "v1", 1, Map.of(), "op-1");
        ReplicaSet rs = fx.cluster.admin().apps().replicaSets().inNamespace("prod").withName("hello-prod-v000").get();
        assertThat(rs.getMetadata().getAnnotations()).containsEntry("clusterdeploy.io/application", "hello")
                .containsEntry("clusterdeploy.io/cluster", "hello-prod").containsEntry("clusterdeploy.io/stack", "prod")
                .containsEntry("clusterdeploy.io/sequence", "0").containsEntry("clusterdeploy.io/operation", "op-1")
                .containsEntry("clusterdeploy.io/load-balancers", "[\"hello-prod\"]");
        assertThat(rs.getSpec().getSelector().getMatchLabels()).isEqualTo(Map.of(Keys.SERVER_GROUP, "hello-prod-v000"));
        assertThat(sg.artifact()).isEqualTo("registry.example/hello:v1");
        assertThat(sg.tags()).containsEntry(ServerGroup.TAG_OPERATION, "op-1");
        assertThat(sg.moniker().sequence()).isZero();
    }

    @Test
    void theNewestVersionIsReusableOnlyForTheSameTemplateSizeAndServices() {
        ServerGroup v0 = deploy("hello-prod-v000", "v1", 1, Map.of(), "op-1");
        Map<String, Object> same = Map.of("podTemplate", SampleApp.podTemplate("v1", true));
        CreateServerGroupRequest again = new CreateServerGroupRequest("hello-prod-v001", "prod", Capacity.fixed(1),
                List.of("hello-prod"), List.of(), same, Map.of());
        assertThat(fx.provider.reusable(again, List.of(v0))).contains("hello-prod-v000");
        assertThat(fx.provider.reusable(new CreateServerGroupRequest("hello-prod-v001", "prod", Capacity.fixed(2),
                List.of("hello-prod"), List.of(), same, Map.of()), List.of(v0))).as("another size").isEmpty();
        assertThat(fx.provider.reusable(new CreateServerGroupRequest("hello-prod-v001", "prod", Capacity.fixed(1),
                List.of("hello-prod"), List.of(), Map.of("podTemplate", SampleApp.podTemplate("v2", true)), Map.of()),
                List.of(v0))).as("another template").isEmpty();
        assertThat(fx.provider.reusable(again, List.of())).as("nothing to reuse").isEmpty();
    }

    @Test
    void aRetriedCreateAdoptsItsOwnGroupAndRefusesAnothersName() {
        deploy("hello-prod-v000", "v1", 1, Map.of(), "op-1");
        assertThat(deploy("hello-prod-v000", "v1", 1, Map.of(), "op-1").name()).isEqualTo("hello-prod-v000");
        assertThatThrownBy(() -> deploy("hello-prod-v000", "v1", 1, Map.of(), "op-2"))
                .isInstanceOf(ClusterDeployException.class)
                .satisfies(e -> assertThat(((ClusterDeployException) e).kind()).isEqualTo(ErrorKind.CONFLICT));
        assertThat(fx.cluster.admin().apps().replicaSets().inNamespace("prod").list().getItems()).hasSize(1);
    }

    @Test
    void partialDisableTakesThatShareOfPodsOutAndKeepsTheTemplateInTraffic() {
        deploy("hello-prod-v000", "v1", 4, Map.of(), "op-1");
        awaitUp("hello-prod-v000", 4);
        ServerGroup sg = fx.provider.disable("prod", "hello-prod-v000", 50);
        assertThat(sg.enabled()).isTrue();
        assertThat(pods("hello-prod-v000")).filteredOn(p -> p.getMetadata().getLabels()
                .containsKey("lb.clusterdeploy.io/hello-prod")).hasSize(2);
        assertThat(sg.instances()).filteredOn(i -> i.health() == HealthState.OUT_OF_SERVICE).hasSize(2);
        ReplicaSet rs = fx.cluster.admin().apps().replicaSets().inNamespace("prod").withName("hello-prod-v000").get();
        assertThat(rs.getSpec().getTemplate().getMetadata().getLabels()).containsKey("lb.clusterdeploy.io/hello-prod");
        // The EndpointSlices no longer list the two, which is what disable waited for.
        assertThat(fx.cluster.admin().discovery().v1().endpointSlices().inNamespace("prod").list().getItems())
                .hasSize(2);

        sg = fx.provider.disable("prod", "hello-prod-v000", 100);
        assertThat(sg.disabled()).isTrue();
        assertThat(pods("hello-prod-v000")).noneMatch(p -> p.getMetadata().getLabels()
                .containsKey("lb.clusterdeploy.io/hello-prod"));
        assertThat(fx.cluster.admin().discovery().v1().endpointSlices().inNamespace("prod").list().getItems()).isEmpty();
        fx.provider.enable("prod", "hello-prod-v000");
        awaitUp("hello-prod-v000", 4);
    }

    @Test
    void maxVersionHistoryDeletesTheOldestDisabledGroupsOnly() {
        deploy("hello-prod-v000", "v1", 1, Map.of(), "op-0");
        deploy("hello-prod-v001", "v2", 1, Map.of(), "op-1");
        fx.provider.disable("prod", "hello-prod-v000", 100);
        deploy("hello-prod-v002", "v3", 1, Map.of(), "op-2");
        fx.provider.disable("prod", "hello-prod-v001", 100);
        // v002 stays enabled: with a history of 2, only the disabled v000 and v001 may go.
        deploy("hello-prod-v003", "v4", 1, Map.of("maxVersionHistory", 2), "op-3");
        assertThat(fx.provider.serverGroups("hello")).extracting(ServerGroup::name)
                .containsExactly("hello-prod-v003", "hello-prod-v002");
    }

    @Test
    void aChangeMadeInTheClusterIsSeenWithoutARequest() {
        deploy("hello-prod-v000", "v1", 1, Map.of(), "op-1");
        fx.cluster.proxy().clearLog();
        long start = System.nanoTime();
        fx.cluster.admin().apps().replicaSets().inNamespace("prod").withName("hello-prod-v000").scale(3);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                .until(() -> group("hello-prod-v000").capacity().desired() == 3);
        System.out.printf("VISIBLE scale by kubectl seen by the provider after %d ms%n",
                (System.nanoTime() - start) / 1_000_000);
        assertThat(fx.cluster.proxy().log()).noneMatch(e -> !e.watch());
    }

    @Test
    void networkPoliciesAndServicesOfADeployAreUpsertedAndRead() {
        Map<String, Object> policy = Map.of("apiVersion", "networking.k8s.io/v1", "kind", "NetworkPolicy",
                "metadata", Map.of("name", "hello-ingress"),
                "spec", Map.of("podSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "hello")),
                        "ingress", List.of(Map.of("from", List.of(Map.of("ipBlock", Map.of("cidr", "10.0.0.0/8"))),
                                "ports", List.of(Map.of("protocol", "TCP", "port", 8080))))));
        ServerGroup sg = deploy("hello-prod-v000", "v1", 1, Map.of("networkPolicies", List.of(policy),
                "services", List.of(Map.of("name", "hello-canary", "port", 8080, "targetPort", "http"))), "op-1");
        assertThat(sg.securityGroups()).containsExactly("hello-ingress");
        assertThat(sg.loadBalancers()).containsExactly("hello-prod", "hello-canary");
        assertThat(fx.provider.securityGroups("hello")).singleElement().satisfies(g ->
                assertThat(g.rules()).containsExactly(new SecurityGroup.Rule("tcp", 8080, 8080, "10.0.0.0/8")));
        assertThat(fx.provider.loadBalancers("hello")).extracting(lb -> lb.name())
                .containsExactly("hello-canary", "hello-prod");
        assertThat(fx.provider.loadBalancers("hello").get(0).serverGroups()).containsExactly("hello-prod-v000");
    }

    @Test
    void theSelectorOfAServiceInUseCannotChange() {
        deploy("hello-prod-v000", "v1", 1, Map.of(), "op-1");
        assertThatThrownBy(() -> fx.provider.upsertLoadBalancer(new UpsertLoadBalancerRequest("hello-prod", "prod",
                Map.of("port", 80, "selector", Map.of("tier", "web")))))
                .isInstanceOf(ClusterDeployException.class).hasMessageContaining("hello-prod-v000");
    }
}
