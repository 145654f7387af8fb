package io.clusterdeploy.engine.deploy.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.clusterdeploy.engine.canary.source.MetricSources;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.guard.TrafficGuards;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.OperationRunner;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.operation.OperationStatus;
import io.clusterdeploy.engine.operation.StepRecord;
import io.clusterdeploy.engine.plan.Plan;
import io.clusterdeploy.engine.plan.PlannedAction;
import io.clusterdeploy.engine.testing.EngineHarness;
import io.clusterdeploy.engine.testing.FakeCloudProvider;
import io.clusterdeploy.engine.testing.VersionMetricSource;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The canary strategy in the engine: the fake cloud, a metric source whose series follow what each group runs
 * ({@code bad} is twice as high on "errors"), the real judge, runner and planner.
 */
class CanaryDeployTest {
    private final FakeCloudProvider cloud = new FakeCloudProvider("test");
    private final VersionMetricSource metrics = new VersionMetricSource(cloud, Set.of("bad"));
    private final EngineHarness engine = new EngineHarness(cloud, TrafficGuards.none(), MetricSources.of(List.of(metrics)));

    @BeforeEach
    void productionServes() throws Exception {
        assertThat(engine.run(deploy("none", "v1", Map.of())).status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(cloud.serverGroup("fake-1", "hello-prod-v000")).isPresent();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private static Map<String, Object> deploy(String strategy, String version, Map<String, Object> extra) {
        Map<String, Object> r = new HashMap<>();
        r.put("type", "deploy");
        r.put("account", "test");
        r.put("application", "hello");
        r.put("stack", "prod");
        r.put("strategy", strategy);
        r.put("capacity", Map.of("min", 2, "desired", 2, "max", 2));
        r.put("spec", Map.of("version", version));
        r.put("loadBalancers", List.of("hello-prod"));
        r.put("deployTimeoutSec", 5);
        r.putAll(extra);
        return r;
    }

    private static Map<String, Object> metric(String name, String query, String group) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("query", query);
        m.put("direction", "increase");
        if (group != null) {
            m.put("groups", List.of(group));
        }
        return m;
    }

    /** Five points a side in each judgement (4 s at 1 s steps): enough for the exact test to tell twice from once. */
    private static Map<String, Object> canary(String lifetime, String interval, Map<String, Object> extra) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("lifetime", lifetime);
        c.put("interval", interval);
        c.put("step", "PT1S");
        c.put("trafficPercent", 10);
        c.put("config", new LinkedHashMap<>(Map.of("source", "fake", "metrics", List.of(metric("errors", "errors", null)))));
        c.putAll(extra);
        return c;
    }

    private static List<String> stepNames(OperationState s) {
        return s.steps().stream().map(StepRecord::name).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> record(OperationState s) {
        return (Map<String, Object>) s.context().get("canary");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> intervals(OperationState s) {
        return (List<Map<String, Object>>) record(s).get("intervals");
    }

    private List<String> production() {
        return cloud.serverGroups("hello").stream().filter(sg -> sg.cluster().equals("hello-prod"))
                .map(sg -> sg.name() + " " + sg.artifact() + " " + (sg.enabled() ? "enabled" : "disabled") + " "
                        + sg.capacity()).toList();
    }

    @Test
    void aGoodCanaryIsJudgedThenDestroyedAndProductionIsDeployedRedBlack() throws Exception {
        OperationState s = engine.run(deploy("canary", "v2", Map.of("canary", canary("PT4S", "PT4S", Map.of()))));

        assertThat(s.status()).as(String.valueOf(s.error())).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(stepNames(s)).containsExactly("provisionCanaryGroup(baseline)", "provisionCanaryGroup(canary)",
                "waitForCanaryHealthy", "weighCanaryTraffic", "analyzeCanary", "destroyCanaryGroups",
                "createServerGroup", "waitForHealthy", "disablePreviousServerGroups");
        Map<String, Object> record = record(s);
        assertThat(record).containsEntry("production", "hello-prod-v000")
                .containsEntry("baseline", "hello-prod-baseline-v000").containsEntry("canary", "hello-prod-canary-v000")
                .containsEntry("decision", "promote");
        assertThat(intervals(s)).singleElement().satisfies(i -> {
            assertThat(i).containsEntry("classification", "Pass");
            assertThat(((Number) i.get("score")).doubleValue()).isEqualTo(100.0);
        });
        // The baseline ran what production ran, the canary what the deploy asked for; both took 10% each.
        List<String> m = cloud.mutations();
        assertThat(m).containsSubsequence("create hello-prod-baseline-v000", "create hello-prod-canary-v000",
                "weigh hello-prod-baseline-v000 10", "weigh hello-prod-canary-v000 10",
                "disable hello-prod-baseline-v000", "destroy hello-prod-baseline-v000",
                "disable hello-prod-canary-v000", "destroy hello-prod-canary-v000", "create hello-prod-v001",
                "disable hello-prod-v000");
        assertThat(metrics.fetches).extracting(VersionMetricSource.Fetch::serverGroup)
                .containsExactly("hello-prod-canary-v000", "hello-prod-baseline-v000");
        assertThat(production()).containsExactly("hello-prod-v000 v1 disabled Capacity[min=2, desired=2, max=2]",
                "hello-prod-v001 v2 enabled Capacity[min=2, desired=2, max=2]");
        assertThat(cloud.serverGroups("hello")).extracting(ServerGroup::cluster).containsOnly("hello-prod");
        assertThat(cloud.weights("hello-prod")).as("the destroyed groups' weights went with them").isEmpty();
    }

    @Test
    void aBadCanaryFailsAtTheFirstIntervalAndProductionIsUntouched() throws Exception {
        List<String> before = production();
        Instant began = Instant.now();
        OperationState s = engine.run(deploy("canary", "bad", Map.of("canary", canary("PT8S", "PT4S", Map.of()))));

        assertThat(s.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(s.error().message()).contains("canary failed: interval 1 of 2 scored 0, at or below marginal");
        assertThat(intervals(s)).hasSize(1);
        assertThat(Duration.between(began, Instant.now())).as("ended at the first interval, not the lifetime")
                .isLessThan(Duration.ofSeconds(8));
        assertThat(record(s)).containsEntry("decision", "fail")
                .containsEntry("destroyed", List.of("hello-prod-baseline-v000", "hello-prod-canary-v000"));
        assertThat(production()).isEqualTo(before);
        assertThat(cloud.serverGroups("hello")).extracting(ServerGroup::name).containsExactly("hello-prod-v000");
        assertThat(cloud.mutations()).noneMatch(mu -> mu.contains("hello-prod-v0") && !mu.equals("create hello-prod-v000"));
        @SuppressWarnings("unchecked")
        Map<String, Object> report = (Map<String, Object>) ((Map<String, Object>) record(s).get("report")).get("report");
        assertThat(report).containsEntry("classification", "Fail");
    }

    @Test
    void aMarginalScorePromotesOnlyWhenOnMarginalSaysSo() throws Exception {
        // Two groups of equal weight, one failing: the score is 50, between marginal 25 and pass 75.
        Map<String, Object> config = new LinkedHashMap<>(Map.of("source", "fake", "metrics",
                List.of(metric("errors", "errors", "errors"), metric("latency", "steady", "latency")),
                "groupWeights", Map.of("errors", 50, "latency", 50)));
        Map<String, Object> thresholds = Map.of("pass", 75, "marginal", 25);
        OperationState failed = engine.run(deploy("canary", "bad", Map.of("canary", canary("PT4S", "PT4S",
                Map.of("config", config, "scoreThresholds", thresholds)))));
        assertThat(failed.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(failed.error().message()).contains("scored 50, between marginal 25 and pass 75; onMarginal is fail");

        OperationState promoted = engine.run(deploy("canary", "bad", Map.of("canary", canary("PT4S", "PT4S",
                Map.of("config", config, "scoreThresholds", thresholds, "onMarginal", "promote")))));
        assertThat(promoted.status()).as(String.valueOf(promoted.error())).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(record(promoted)).containsEntry("decision", "promote")
                .containsEntry("baseline", "hello-prod-baseline-v000");
        assertThat(production()).last().asString().startsWith("hello-prod-v001 bad enabled");
    }

    @Test
    void aRestartMidAnalysisKeepsTheLifetimeAndTheGroups() throws Exception {
        OperationState started = engine.runner.start(deploy("canary", "v2",
                Map.of("canary", canary("PT8S", "PT4S", Map.of()))));
        await().atMost(Duration.ofSeconds(60)).until(() -> engine.store.load(started.id()).map(s -> {
            Map<String, Object> r = record(s);
            return r != null && r.get("intervals") instanceof List<?> l && l.size() == 1;
        }).orElse(false));
        engine.runner.close();
        String start = (String) ((Map<?, ?>) record(engine.store.load(started.id()).orElseThrow()).get("analysis"))
                .get("start");

        OperationState end;
        try (OperationRunner restarted = engine.newRunner()) {
            assertThat(restarted.resumeAll()).isEqualTo(1);
            end = restarted.awaitFinished(started.id(), Duration.ofSeconds(60));
        }
        assertThat(end.status()).as(String.valueOf(end.error())).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(((Map<?, ?>) record(end).get("analysis")).get("start")).as("the lifetime did not restart")
                .isEqualTo(start);
        assertThat(intervals(end)).extracting(i -> ((Number) i.get("index")).intValue()).containsExactly(1, 2);
        assertThat(cloud.mutations().stream().filter(mu -> mu.startsWith("create hello-prod-")).toList())
                .containsExactly("create hello-prod-v000", "create hello-prod-baseline-v000",
                        "create hello-prod-canary-v000", "create hello-prod-v001");
        // Interval 2 covers everything since the start (no lookback): the same start for both reads.
        assertThat(metrics.fetches.stream().map(VersionMetricSource.Fetch::start).distinct().toList())
                .containsExactly(Instant.parse(start));
    }

    @Test
    void aLookbackJudgesOnlyTheLastStretch() throws Exception {
        OperationState s = engine.run(deploy("canary", "v2", Map.of("canary", canary("PT8S", "PT4S",
                Map.of("lookback", "PT4S")))));
        assertThat(s.status()).as(String.valueOf(s.error())).isEqualTo(OperationStatus.SUCCEEDED);
        Instant start = Instant.parse((String) ((Map<?, ?>) record(s).get("analysis")).get("start"));
        assertThat(metrics.fetches.stream().map(VersionMetricSource.Fetch::start).distinct().toList())
                .containsExactly(start, start.plusSeconds(4));
    }

    @Test
    void aCancelDuringTheAnalysisDestroysBaselineAndCanaryAndLeavesProduction() throws Exception {
        List<String> before = production();
        OperationState started = engine.runner.start(deploy("canary", "v2",
                Map.of("canary", canary("PT60S", "PT30S", Map.of()))));
        await().atMost(Duration.ofSeconds(60)).until(() -> engine.store.load(started.id())
                .map(s -> s.steps().stream().anyMatch(st -> st.name().equals("analyzeCanary"))).orElse(false));
        engine.runner.cancel(started.id());
        OperationState end = engine.runner.awaitFinished(started.id(), Duration.ofSeconds(60));
        assertThat(end.status()).isEqualTo(OperationStatus.CANCELLED);
        assertThat(production()).isEqualTo(before);
        assertThat(cloud.serverGroups("hello")).extracting(ServerGroup::name).containsExactly("hello-prod-v000");
    }

    @Test
    void thePlanNamesBaselineCanaryTheirTrafficAndThePromotion() {
        Plan plan = engine.planner.plan(deploy("canary", "v2", Map.of("canary", canary("PT4S", "PT4S", Map.of()))));
        assertThat(plan.outcome()).isEqualTo(Plan.Outcome.SUCCEEDS);
        assertThat(plan.actions()).extracting(PlannedAction::toString).containsExactly(
                "create hello-prod-baseline-v000 at 1/1/1", "create hello-prod-canary-v000 at 1/1/1",
                "give hello-prod-baseline-v000 10% of its load balancers' traffic",
                "give hello-prod-canary-v000 10% of its load balancers' traffic",
                "disable hello-prod-baseline-v000", "destroy hello-prod-baseline-v000",
                "disable hello-prod-canary-v000", "destroy hello-prod-canary-v000",
                "create hello-prod-v001 at 2/2/2", "disable hello-prod-v000");
        assertThat(cloud.serverGroups("hello")).hasSize(1);
        assertThat(metrics.fetches).as("a plan reads no metric").isEmpty();
    }

    @Test
    void badCanaryRequestsAreRefusedNamingTheFieldBeforeAnythingRuns() {
        record Bad(Map<String, Object> request, String field, String message) {
        }
        Map<String, Object> ok = canary("PT4S", "PT4S", Map.of());
        List<Bad> bad = List.of(
                new Bad(deploy("canary", "v2", Map.of()), "canary", "is required with strategy canary"),
                new Bad(deploy("redblack", "v2", Map.of("canary", ok)), "canary", "applies only to the canary strategy"),
                new Bad(deploy("canary", "v2", Map.of("canary", with(ok, "trafficPercent", 51))),
                        "canary.trafficPercent", "51"),
                new Bad(deploy("canary", "v2", Map.of("canary", with(ok, "interval", "PT5S"))), "canary.interval",
                        "must not be longer than canary.lifetime"),
                new Bad(deploy("canary", "v2", Map.of("canary", with(ok, "lifetime", "30 minutes"))),
                        "canary.lifetime", "ISO-8601"),
                new Bad(deploy("canary", "v2", Map.of("canary", with(ok, "lifetime", "P30D"))), "canary.lifetime",
                        "at most"),
                new Bad(deploy("canary", "v2", Map.of("canary", with(ok, "warmup", "-PT1S"))), "canary.warmup",
                        "zero or positive"),
                new Bad(deploy("canary", "v2", Map.of("canary", with(ok, "step", "PT5S"))), "canary.step",
                        "single point"),
                new Bad(deploy("canary", "v2", Map.of("canary", with(ok, "onMarginal", "maybe"))), "canary.onMarginal",
                        "fail or promote"),
                new Bad(deploy("canary", "v2", Map.of("canary", with(ok, "productionStrategy", "highlander"))),
                        "canary.productionStrategy", "redblack or rollingredblack"),
                new Bad(deploy("canary", "v2", Map.of("canary", with(ok, "canaryCapacity", 0))),
                        "canary.canaryCapacity", "0"),
                new Bad(deploy("canary", "v2", Map.of("canary", with(ok, "sizee", 1))), "canary.sizee", "unknown"),
                new Bad(deploy("canary", "v2", Map.of("canary", with(ok, "config", Map.of("source", "fake",
                        "metrics", List.of(metric("errors", "nonsense", null)))))), "canary.config.metrics[0].query",
                        "unknown fake query"),
                new Bad(deploy("canary", "v2", Map.of("canary", ok, "targetPercentages", List.of(50, 100))),
                        "targetPercentages", "applies only to the rollingredblack strategy"),
                new Bad(deploy("canary", "v2", Map.of("canary", ok, "application", "other")), "strategy",
                        "has no enabled server group"));
        for (Bad b : bad) {
            int mutations = cloud.mutations().size();
            int operations = engine.store.summaries().size();
            assertThatThrownBy(() -> engine.runner.start(b.request())).as(b.field())
                    .isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
                        assertThat(e.field()).isEqualTo(b.field());
                        assertThat(e.getMessage()).contains(b.message());
                    });
            assertThat(cloud.mutations()).hasSize(mutations);
            assertThat(engine.store.summaries()).hasSize(operations);
        }
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(base);
        m.put(key, value);
        return m;
    }
}
