package io.clusterdeploy.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.provider.CreateServerGroupRequest;
import io.clusterdeploy.engine.provider.UpsertLoadBalancerRequest;
import io.clusterdeploy.provider.kubernetes.sim.SampleApp;
import io.clusterdeploy.provider.kubernetes.sim.SimCluster;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad deploy input is refused with an error naming the field, and nothing is written: the mock API server's own
 * request log holds reads (the informers' lists and watches) and no write.
 */
class BadInputTest {
    private static SimCluster cluster;
    private static KubernetesProvider provider;

    @BeforeAll
    static void start() {
        cluster = SimCluster.apiOnly();
        Map<String, Object> settings = new LinkedHashMap<>(KubernetesFixture.settings(cluster, 0));
        settings.put("namespaces", List.of("prod", "staging"));
        provider = (KubernetesProvider) new KubernetesProviderFactory().create("k8s", settings, KubernetesFixture.SECRETS);
        // An existing Service whose selector is a workload label, and a good one.
        provider.upsertLoadBalancer(new UpsertLoadBalancerRequest("hello-web", "prod",
                Map.of("port", 80, "selector", Map.of("app.kubernetes.io/name", "hello"))));
        provider.upsertLoadBalancer(new UpsertLoadBalancerRequest("hello-prod", "prod", Map.of("port", 80)));
        provider.serverGroups("hello");
    }

    @AfterAll
    static void stop() {
        provider.close();
        cluster.close();
    }

    @BeforeEach
    void drainLog() throws InterruptedException {
        requests();
    }

    /** Everything the mock received since the last call. */
    private static List<String> requests() throws InterruptedException {
        List<String> out = new ArrayList<>();
        RecordedRequest r;
        while ((r = cluster.mock().takeRequest(200, TimeUnit.MILLISECONDS)) != null) {
            out.add(r.getMethod() + " " + r.getPath());
        }
        return out;
    }

    private static CreateServerGroupRequest request(String name, String location, List<String> lbs, Map<String, Object> spec) {
        return new CreateServerGroupRequest(name, location, Capacity.fixed(2), lbs, List.of(), spec, Map.of());
    }

    private static Map<String, Object> manifest(String text) {
        return Map.of("manifest", text);
    }

    private AbstractThrowableAssert<?, ? extends Throwable> refused(CreateServerGroupRequest request, String field)
            throws InterruptedException {
        var thrown = assertThatThrownBy(() -> provider.createServerGroup(request))
                .isInstanceOf(ClusterDeployException.class)
                .satisfies(e -> assertThat(((ClusterDeployException) e).kind()).isEqualTo(ErrorKind.INVALID_INPUT))
                .satisfies(e -> assertThat(((ClusterDeployException) e).field()).isEqualTo(field));
        assertThat(requests()).as("requests the refused deploy made").allMatch(r -> r.startsWith("GET "));
        assertThat(cluster.admin().apps().replicaSets().inAnyNamespace().list().getItems()).isEmpty();
        return thrown;
    }

    @Test
    void unsafeYamlTagsAreRefusedBeforeAnythingIsBuilt() throws Exception {
        String[] tags = {
            "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:1/\"]]]]",
            "!!java.lang.ProcessBuilder [[\"touch\", \"/tmp/pwned\"]]",
            "!custom {a: 1}"};
        for (String tag : tags) {
            refused(request("hello-prod-v000", "prod", List.of(), manifest(withImage(tag))), "spec.manifest")
                    .hasMessageContaining("spec.manifest: line 8").hasMessageContaining("could not determine a constructor");
        }
        // Standard tags that build no class but are not plain data either: refused at the value.
        for (String tag : List.of("!!binary aGVsbG8=", "!!set {a, b}")) {
            refused(request("hello-prod-v000", "prod", List.of(), manifest(withImage(tag))),
                    "spec.manifest.spec.template.spec.containers[0].image").hasMessageContaining("only objects, lists");
        }
        assertThat(java.nio.file.Files.exists(java.nio.file.Path.of("/tmp/pwned"))).isFalse();
    }

    private static String withImage(String image) {
        return "apiVersion: apps/v1\nkind: ReplicaSet\nspec:\n  template:\n    spec:\n      containers:\n"
                + "      - name: a\n        image: " + image + "\n";
    }

    @Test
    void unsupportedKindsAndApiVersionsAreRefused() throws Exception {
        for (String kind : List.of("Service", "Job", "StatefulSet", "Pod")) {
            refused(request("hello-prod-v000", "prod", List.of(), manifest("kind: " + kind + "\napiVersion: apps/v1\n"
                    + "spec: {template: {spec: {containers: [{name: a, image: b}]}}}")), "spec.manifest.kind")
                    .hasMessageContaining("unsupported kind '" + kind + "'");
        }
        refused(request("hello-prod-v000", "prod", List.of(), manifest("kind: Deployment\napiVersion: extensions/v1beta1\n"
                + "spec: {template: {spec: {containers: [{name: a, image: b}]}}}")), "spec.manifest.apiVersion");
    }

    @Test
    void namespacesOutsideTheAccountAreRefused() throws Exception {
        refused(request("hello-prod-v000", "kube-system", List.of(), Map.of("podTemplate",
                SampleApp.podTemplate("v1", true))), "location").hasMessageContaining("[prod, staging]");
        refused(request("hello-prod-v000", "prod", List.of(), manifest("kind: ReplicaSet\napiVersion: apps/v1\n"
                        + "metadata: {namespace: staging}\nspec: {template: {spec: {containers: [{name: a, image: b}]}}}")),
                "spec.manifest.metadata.namespace");
    }

    @Test
    void selectorsThatOverlapTheWorkloadsLabelsOrAreEmptyAreRefused() throws Exception {
        refused(request("hello-prod-v000", "prod", List.of("hello-web"), Map.of("podTemplate",
                SampleApp.podTemplate("v1", true))), "loadBalancers[0]")
                .hasMessageContaining("shares [app.kubernetes.io/name]");
        refused(request("hello-prod-v000", "prod", List.of("hello-api"), Map.of("podTemplate",
                SampleApp.podTemplate("v1", true), "services", List.of(Map.of("name", "hello-api", "port", 80,
                        "selector", Map.of())))), "spec.services[0].selector");
        refused(request("hello-prod-v000", "prod", List.of("hello-missing"), Map.of("podTemplate",
                SampleApp.podTemplate("v1", true))), "loadBalancers[0]");
        refused(request("hello-prod-v000", "prod", List.of("hello-prod", "hello-b"), Map.of("podTemplate",
                SampleApp.podTemplate("v1", true), "services", List.of(Map.of("name", "hello-b", "port", 80,
                        "selector", Map.of("lb.clusterdeploy.io/hello-prod", "false"))))), "loadBalancers[1]")
                .hasMessageContaining("no pod can be in both");
    }

    @Test
    void labelsUnderOurPrefixCannotBeSpoofed() throws Exception {
        Map<String, Object> template = new HashMap<>(SampleApp.podTemplate("v1", true));
        template.put("metadata", Map.of("labels", Map.of("clusterdeploy.io/server-group", "other-v001")));
        refused(request("hello-prod-v000", "prod", List.of(), Map.of("podTemplate", template)),
                "spec.podTemplate.metadata.labels.clusterdeploy.io/server-group");
    }

    @Test
    void oversizedManifestsAreRefused() throws Exception {
        String big = "kind: ReplicaSet\napiVersion: apps/v1\nmetadata: {annotations: {a: \"" + "x".repeat(300 * 1024)
                + "\"}}\nspec: {template: {spec: {containers: [{name: a, image: b}]}}}";
        refused(request("hello-prod-v000", "prod", List.of(), manifest(big)), "spec.manifest")
                .hasMessageContaining("larger than 256 KiB");
        Map<String, Object> template = new HashMap<>(SampleApp.podTemplate("v1", true));
        template.put("metadata", Map.of("annotations", Map.of("a", "x".repeat(600 * 1024))));
        refused(request("hello-prod-v000", "prod", List.of(), Map.of("podTemplate", template)), "spec")
                .hasMessageContaining("at most 512 KiB");
    }

    @Test
    void namesFriggaAllowsButKubernetesRefusesSayWhichRuleTheyBreak() throws Exception {
        Map<String, Object> spec = Map.of("podTemplate", SampleApp.podTemplate("v1", true));
        refused(request("Hello-prod-v000", "prod", List.of(), spec), "name").hasMessageContaining("upper-case 'H'")
                .hasMessageContaining("DNS-1123");
        refused(request("hello_app-prod-v000", "prod", List.of(), spec), "name").hasMessageContaining("'_'");
        refused(request("hello-prod-a~b-v000", "prod", List.of(), spec), "name").hasMessageContaining("'~'");
        refused(request("hello-prod-a^b-v000", "prod", List.of(), spec), "name").hasMessageContaining("'^'");
        refused(request("hello.app-prod-v000", "prod", List.of(), spec), "name").hasMessageContaining("'.'");
        refused(request("hello-" + "a".repeat(54) + "-v000", "prod", List.of(), spec), "name")
                .hasMessageContaining("at most 58");
        refused(request("hello-" + "a".repeat(60) + "-v000", "prod", List.of(), spec), "name")
                .hasMessageContaining("at most 63");
    }

    @Test
    void aTemplateWithoutContainersOrWithKubernetesOwnedFieldsIsRefused() throws Exception {
        refused(request("hello-prod-v000", "prod", List.of(), Map.of("podTemplate", Map.of("spec", Map.of()))),
                "spec.podTemplate.spec.containers");
        refused(request("hello-prod-v000", "prod", List.of(), Map.of("podTemplate", Map.of("metadata",
                Map.of("name", "x"), "spec", Map.of("containers", List.of(Map.of("name", "a", "image", "b")))))),
                "spec.podTemplate.metadata.name");
        refused(request("hello-prod-v000", "prod", List.of(), Map.of("podTemplate", SampleApp.podTemplate("v1", true),
                "manifest", "kind: ReplicaSet")), "spec.podTemplate");
        refused(request("hello-prod-v000", "prod", List.of(), Map.of("podTemplate", SampleApp.podTemplate("v1", true),
                "maxVersionHistry", 3)), "spec.maxVersionHistry");
    }

    @Test
    void missingCredentialsAreRefusedBeforeAnyConnection() throws Exception {
        Map<String, Object> settings = new LinkedHashMap<>(KubernetesFixture.settings(cluster, 0));
        settings.remove("token");
        assertThatThrownBy(() -> new KubernetesProviderFactory().create("k8s2", settings, KubernetesFixture.SECRETS))
                .isInstanceOf(ClusterDeployException.class)
                .hasMessageContaining("missing credentials")
                .satisfies(e -> assertThat(((ClusterDeployException) e).field()).isEqualTo("accounts[k8s2].token"));
        settings.put("token", "env:NOT_SET");
        assertThatThrownBy(() -> new KubernetesProviderFactory().create("k8s2", settings, KubernetesFixture.SECRETS))
                .isInstanceOf(ClusterDeployException.class)
                .satisfies(e -> assertThat(((ClusterDeployException) e).field()).isEqualTo("accounts[k8s2].token"));
        assertThat(requests()).isEmpty();
    }

    @Test
    void aBadLoadBalancerIsRefusedWithoutAWrite() throws Exception {
        assertThatThrownBy(() -> provider.upsertLoadBalancer(new UpsertLoadBalancerRequest("Hello_web", "prod",
                Map.of("port", 80)))).hasMessageContaining("DNS-1123");
        assertThatThrownBy(() -> provider.upsertLoadBalancer(new UpsertLoadBalancerRequest("hello-x", "prod",
                Map.of("port", 80, "selector", Map.of())))).hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> provider.upsertLoadBalancer(new UpsertLoadBalancerRequest("hello-x", "prod",
                Map.of("port", 80, "selector", Map.of("clusterdeploy.io/server-group", "x")))))
                .hasMessageContaining("identify server groups");
        assertThat(requests()).allMatch(r -> r.startsWith("GET "));
    }
}
