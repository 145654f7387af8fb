package io.clusterdeploy.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.canary.source.MetricSources;
import io.clusterdeploy.engine.conformance.LoadDriver;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.guard.TrafficGuards;
import io.clusterdeploy.engine.model.LoadBalancer;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.operation.OperationStatus;
import io.clusterdeploy.engine.provider.UpsertLoadBalancerRequest;
import io.clusterdeploy.engine.testing.EngineHarness;
import io.clusterdeploy.engine.testing.VersionMetricSource;
import io.clusterdeploy.provider.kubernetes.sim.SampleApp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Canary deploys on the simulated cluster, under continuous load through the Service: baseline and canary are
 * ReplicaSets whose pods join production's Service, so they take their share by pod count. The judge reads a test
 * source that follows what each group runs (its image), since the simulated cluster has no metrics of its own.
 */
class KubernetesCanaryTest {
    private static final String BAD_IMAGE = "registry.example/hello:bad";
    private static final int CLIENTS = 3;

    private KubernetesFixture fx;
    private EngineHarness engine;
    private LoadBalancer lb;
    private LoadDriver load;

    @BeforeEach
    void productionUnderLoad() throws Exception {
        // As the conformance suite: the provider gives kube-proxies 2 s to act on endpoint changes before it goes on.
        fx = new KubernetesFixture(Duration.ofSeconds(1), 2);
        lb = fx.provider.upsertLoadBalancer(new UpsertLoadBalancerRequest("hello-prod", "prod",
                Map.of("port", 80, "targetPort", "http")));
        engine = new EngineHarness(fx.provider, TrafficGuards.none(),
                MetricSources.of(List.of(new VersionMetricSource(fx.provider, Set.of(BAD_IMAGE)))));
        OperationState v1 = engine.run(deploy("redblack", "v1", Map.of()));
        assertThat(v1.status()).as(String.valueOf(v1.error())).isEqualTo(OperationStatus.SUCCEEDED);
        // A first deploy moves no traffic, so nothing waits for the kube-proxies to route to it: the load starts
        // once the Service answers.
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> fx.probe(lb).ok());
        load = new LoadDriver(() -> fx.probe(lb), CLIENTS, Duration.ofMinutes(10));
        load.awaitAnswersAfter(Instant.EPOCH, 50, Duration.ofSeconds(60));
    }

    @AfterEach
    void stop() throws Exception {
        load.close();
        engine.close();
        fx.close();
    }

    private static Map<String, Object> deploy(String strategy, String version, Map<String, Object> extra,
                                              String... flags) {
        Map<String, Object> r = new HashMap<>();
        r.put("type", "deploy");
        r.put("account", "k8s");
        r.put("location", "prod");
        r.put("application", "hello");
        r.put("stack", "prod");
        r.put("strategy", strategy);
        r.put("capacity", Map.of("min", 2, "desired", 2, "max", 2));
        r.put("loadBalancers", List.of("hello-prod"));
        r.put("spec", Map.of("podTemplate", SampleApp.podTemplate(version, true, List.of(flags))));
        r.put("deployTimeoutSec", 180);
        r.putAll(extra);
        return r;
    }

    /** One interval of 4 s at 1 s steps: five points a side. */
    private static Map<String, Object> canary() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("lifetime", "PT4S");
        c.put("step", "PT1S");
        c.put("config", Map.of("source", "fake", "metrics",
                List.of(Map.of("name", "errors", "query", "errors", "direction", "increase"))));
        return c;
    }

    private List<String> production() {
        return fx.provider.serverGroups("hello").stream().filter(sg -> sg.cluster().equals("hello-prod"))
                .map(sg -> sg.name() + " " + sg.artifact() + " " + (sg.enabled() ? "enabled" : "disabled") + " "
                        + sg.capacity()).sorted().toList();
    }

    private List<LoadDriver.Timed> between(Instant from, Instant to) {
        return load.between(from, to);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> record(OperationState s) {
        return (Map<String, Object>) s.context().get("canary");
    }

    @Test
    void aGoodCanaryTakesItsPodsShareAndIsPromotedWithoutAFailedRequest() throws Exception {
        OperationState s = engine.run(deploy("canary", "v2", Map.of("canary", canary())));

        assertThat(s.status()).as(String.valueOf(s.error())).isEqualTo(OperationStatus.SUCCEEDED);
        Map<String, Object> record = record(s);
        assertThat(record).containsEntry("decision", "promote").containsEntry("baseline", "hello-prod-baseline-v000");
        Map<?, ?> traffic = (Map<?, ?>) record.get("traffic");
        assertThat(traffic.get("split")).isEqualTo("by instance count");
        assertThat(((Number) traffic.get("percent")).doubleValue()).isEqualTo(25.0);
        // The baseline ran production's pods: the same image, from production's template.
        Map<?, ?> analysis = (Map<?, ?>) record.get("analysis");
        List<LoadDriver.Timed> judged = between(Instant.parse((String) analysis.get("start")),
                Instant.parse((String) analysis.get("end")));
        System.out.printf("kubernetes good canary: %d requests, %d during the analysis, versions %s%n",
                load.requests(), judged.size(), judged.stream().map(LoadDriver.Timed::version).distinct().sorted().toList());
        assertThat(judged).extracting(LoadDriver.Timed::version).contains("v1", "v2");
        assertThat(load.failures().stream().limit(5).toList()).as("no failed request").isEmpty();
        assertThat(production()).hasSize(2).anySatisfy(g -> assertThat(g).startsWith("hello-prod-v001 "
                + "registry.example/hello:v2 enabled"));
        assertThat(fx.provider.serverGroups("hello")).extracting(ServerGroup::cluster).containsOnly("hello-prod");
    }

    @Test
    void aBadCanaryFailsAndProductionIsAsItWas() throws Exception {
        List<String> before = production();
        Instant began = Instant.now();
        Map<String, Object> request = deploy("canary", "bad", Map.of("canary", canary()), "--error-rate", "0.5");
        OperationState s = engine.run(request);
        Instant ended = Instant.now();

        assertThat(s.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(s.error().message()).contains("canary failed");
        assertThat(record(s)).containsEntry("decision", "fail");
        assertThat(production()).isEqualTo(before);
        assertThat(fx.provider.serverGroups("hello")).extracting(ServerGroup::cluster).containsOnly("hello-prod");
        List<LoadDriver.Timed> during = between(began, ended);
        long failed = during.stream().filter(a -> !a.ok()).count();
        // One canary pod of four behind the Service, half its answers 500s.
        System.out.printf("kubernetes bad canary: %d of %d requests failed while it lived%n", failed, during.size());
        assertThat(failed).isLessThanOrEqualTo((long) Math.ceil(0.25 * 0.5 * during.size() * 1.5 + 10));
        Instant after = Instant.now();
        load.awaitAnswersAfter(after, 50, Duration.ofSeconds(60));
        assertThat(between(after, Instant.now()).stream().filter(a -> !a.ok() || !"v1".equals(a.version()))
                .limit(5).toList()).as("nothing fails once the canary is gone").isEmpty();

        // Exact weights are not Kubernetes': refused before anything runs, naming the field.
        Map<String, Object> weighted = new LinkedHashMap<>(canary());
        weighted.put("trafficPercent", 10);
        assertThatThrownBy(() -> engine.runner.start(deploy("canary", "v2", Map.of("canary", weighted))))
                .isInstanceOfSatisfying(ClusterDeployException.class,
                        e -> assertThat(e.field()).isEqualTo("canary.trafficPercent"));
    }
}
