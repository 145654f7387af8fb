package io.clusterdeploy.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.clusterdeploy.engine.api.ApiRequest;
import io.clusterdeploy.engine.api.ApiResponse;
import io.clusterdeploy.engine.api.ClusterDeployApi;
import io.clusterdeploy.engine.canary.source.MetricSources;
import io.clusterdeploy.engine.catalog.OperationCatalog;
import io.clusterdeploy.engine.deploy.ValidationHooks;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.guard.GuardedCloudProvider;
import io.clusterdeploy.engine.guard.TrafficGuards;
import io.clusterdeploy.engine.json.Json;
import io.clusterdeploy.engine.operation.InMemoryOperationStore;
import io.clusterdeploy.engine.operation.OperationRunner;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.operation.OperationStatus;
import io.clusterdeploy.engine.operation.StepStatus;
import io.clusterdeploy.engine.plan.Plan;
import io.clusterdeploy.engine.plan.PlanCheck;
import io.clusterdeploy.engine.plan.PlannedStep;
import io.clusterdeploy.engine.plan.Planner;
import io.clusterdeploy.engine.provider.Accounts;
import io.clusterdeploy.engine.testing.FakeCloudProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The canaryAnalysis operation end to end in the engine: a fake metric source with deterministic series, the real
 * judge, the real runner, planner and API, and restarts as CrashMatrixTest makes them (a second runner over the
 * same store).
 */
class CanaryAnalysisOperationTest {
    private static final String BASELINE = "hello-prod-v000";
    private static final String CANARY = "hello-prod-v001";
    private static final Duration LONG = Duration.ofSeconds(60);

    private final FakeCloudProvider cloud = new FakeCloudProvider("test");
    private final Accounts accounts = new Accounts(List.of(new GuardedCloudProvider(cloud, TrafficGuards.none())));
    private final InMemoryOperationStore store = new InMemoryOperationStore();
    private final FakeMetricSource source = new FakeMetricSource();
    private final List<OperationRunner> runners = new ArrayList<>();
    private OperationRunner runner;

    private OperationCatalog catalog(MetricSources sources) {
        return new OperationCatalog(accounts, TrafficGuards.none(), ValidationHooks.NONE, sources);
    }

    /** A runner over the same cloud and store: what a restarted server builds. */
    private OperationRunner newRunner() {
        OperationRunner r = new OperationRunner(accounts, store, catalog(MetricSources.of(List.of(source))),
                new OperationRunner.Options(Clock.systemUTC(), Duration.ofMillis(10)));
        runners.add(r);
        return r;
    }

    @BeforeEach
    void twoGroups() throws Exception {
        runner = newRunner();
        for (String version : List.of("v1", "v2")) {
            OperationState s = runner.start(new HashMap<>(Map.of("type", "deploy", "account", "test",
                    "application", "hello", "stack", "prod", "capacity", Map.of("min", 1, "desired", 1, "max", 1),
                    "spec", Map.of("version", version))));
            assertThat(runner.awaitFinished(s.id(), LONG).status()).isEqualTo(OperationStatus.SUCCEEDED);
        }
        assertThat(cloud.serverGroup("fake-1", BASELINE)).isPresent();
        assertThat(cloud.serverGroup("fake-1", CANARY)).isPresent();
    }

    @AfterEach
    void close() {
        runners.forEach(OperationRunner::close);
    }

    private static Map<String, Object> metric(String name, String query) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("query", query);
        m.put("direction", "increase");
        return m;
    }

    private static Map<String, Object> request(List<Map<String, Object>> metrics) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("type", "canaryAnalysis");
        r.put("control", new LinkedHashMap<>(Map.of("account", "test", "serverGroup", BASELINE)));
        r.put("experiment", new LinkedHashMap<>(Map.of("account", "test", "serverGroup", CANARY)));
        r.put("window", new LinkedHashMap<>(Map.of("start", "2024-06-03T10:00:00Z", "end", "2024-06-03T11:00:00Z")));
        r.put("step", "PT1M");
        r.put("config", new LinkedHashMap<>(Map.of("source", "fake", "metrics", metrics)));
        return r;
    }

    private OperationState run(Map<String, Object> request) throws InterruptedException {
        OperationState s = runner.start(request);
        return runner.awaitFinished(s.id(), LONG);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> result(OperationState s) {
        return (Map<String, Object>) s.context().get(AnalysisKeys.RESULT);
    }

    /** Stored numbers come back from JSON as BigDecimal. */
    private static double score(OperationState s) {
        return ((Number) result(s).get("score")).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> reportMetrics(OperationState s) {
        return (List<Map<String, Object>>) ((Map<String, Object>) result(s).get("report")).get("metrics");
    }

    @Test
    void equalMetricsPassWithTheReportInTheResult() throws Exception {
        OperationState s = run(request(List.of(metric("latency", "steady"), metric("errors", "steady"))));
        assertThat(s.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(s.steps()).extracting(r -> r.name())
                .containsExactly("resolveAnalysis", "waitForWindowEnd", "judgeCanary");
        assertThat(result(s)).containsEntry("classification", "Pass");
        assertThat(score(s)).isEqualTo(100.0);
        List<Map<String, Object>> metrics = reportMetrics(s);
        assertThat(metrics).extracting(m -> m.get("classification")).containsExactly("Pass", "Pass");
        @SuppressWarnings("unchecked")
        Map<String, Object> canarySide = (Map<String, Object>) metrics.get(0).get("canary");
        assertThat(canarySide).containsEntry("points", 61);
        // Both scopes were read, each once per metric, over the window as given.
        assertThat(source.fetches).extracting(FakeMetricSource.Fetch::scope)
                .containsExactly(CANARY, BASELINE, CANARY, BASELINE);
        assertThat(s.context().get(AnalysisKeys.WINDOW)).isEqualTo(Map.of("start", "2024-06-03T10:00:00Z",
                "end", "2024-06-03T11:00:00Z", "step", "PT1M"));
        assertThat(s.context().get(AnalysisKeys.EXPERIMENT)).isEqualTo(scope(CANARY));
    }

    private static Map<String, Object> scope(String group) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("account", "test");
        m.put("location", "fake-1");
        m.put("cluster", "hello-prod");
        m.put("serverGroup", group);
        return m;
    }

    @Test
    void aCanaryWorseOnEveryMetricFails() throws Exception {
        OperationState s = run(request(List.of(metric("latency", "doubled"), metric("errors", "doubled"))));
        assertThat(s.status()).as("the analysis ran; its verdict is in the result").isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(result(s)).containsEntry("classification", "Fail");
        assertThat(score(s)).isEqualTo(0.0);
        assertThat(reportMetrics(s)).extracting(m -> m.get("classification")).containsExactly("High", "High");
        assertThat((String) reportMetrics(s).get(0).get("reason")).contains("latency").contains("higher");
    }

    @Test
    void oneWorseMetricOfThreeIsMarginal() throws Exception {
        OperationState s = run(request(List.of(metric("latency", "steady"), metric("errors", "steady"),
                metric("cpu", "doubled"))));
        assertThat(result(s)).containsEntry("classification", "Marginal");
        assertThat(score(s)).isBetween(66.6, 66.7);
    }

    @Test
    void noDataFromTheSourceIsNodataAndNeverAPass() throws Exception {
        OperationState s = run(request(List.of(metric("latency", "empty"))));
        assertThat(s.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(reportMetrics(s)).extracting(m -> m.get("classification")).containsExactly("Nodata");
        assertThat(result(s)).containsEntry("classification", "Fail");
        assertThat(score(s)).isEqualTo(0.0);
        @SuppressWarnings("unchecked")
        Map<String, Object> report = (Map<String, Object>) result(s).get("report");
        assertThat(report).containsEntry("nodataMetrics", 1);
    }

    @Test
    void aFailingSourceFailsTheAnalysisWithItsMessage() throws Exception {
        OperationState s = run(request(List.of(metric("latency", "steady"), metric("errors", "boom"))));
        assertThat(s.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(s.error().kind()).isEqualTo("UNAVAILABLE");
        assertThat(s.error().message()).contains("connection refused: fake-metrics:9090")
                .contains("config.metrics[1] 'errors'").contains(CANARY);
        assertThat(s.context()).doesNotContainKey(AnalysisKeys.RESULT);

        OperationState rejected = run(request(List.of(metric("latency", "rejected"))));
        assertThat(rejected.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(rejected.error().field()).isEqualTo("config.metrics[0].query");
        assertThat(rejected.error().message()).contains("parse error at char 3");
        assertThat(rejected.context()).doesNotContainKey(AnalysisKeys.RESULT);
    }

    @Test
    void aKayentaConfigAndAClusterTargetWork() throws Exception {
        Map<String, Object> r = request(List.of());
        r.put("control", new LinkedHashMap<>(Map.of("account", "test", "cluster", "hello-prod", "target", "previous")));
        r.put("experiment", new LinkedHashMap<>(Map.of("account", "test", "cluster", "hello-prod",
                "target", "current_asg_dynamic")));
        r.put("config", Map.of("configVersion", "1", "name", "k",
                "metrics", List.of(Map.of("name", "latency", "query", Map.of("type", "fake", "query", "doubled"),
                        "groups", List.of("latency"),
                        "analysisConfigurations", Map.of("canary", Map.of("direction", "increase"))),
                        Map.of("name", "errors", "query", Map.of("type", "fake", "query", "steady"),
                                "groups", List.of("errors"))),
                "classifier", Map.of("groupWeights", Map.of("latency", 50, "errors", 50),
                        "scoreThresholds", Map.of("pass", 90, "marginal", 40))));
        OperationState s = run(r);
        assertThat(s.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(s.context().get(AnalysisKeys.CONTROL)).isEqualTo(scope(BASELINE));
        assertThat(s.context().get(AnalysisKeys.EXPERIMENT)).isEqualTo(scope(CANARY));
        assertThat(result(s)).containsEntry("classification", "Marginal");
        assertThat(score(s)).isEqualTo(50.0);

        // A request's thresholds override the config's.
        r.put("scoreThresholds", Map.of("pass", 50));
        assertThat(result(run(r))).containsEntry("classification", "Pass");
    }

    // ---- bad requests -------------------------------------------------------------------------------------

    private void refused(Consumer<Map<String, Object>> change, String field, String messagePart) {
        refused(runner, change, field, messagePart);
    }

    private void refused(OperationRunner r, Consumer<Map<String, Object>> change, String field, String messagePart) {
        Map<String, Object> req = request(List.of(metric("latency", "steady"), metric("errors", "steady"),
                metric("cpu", "steady")));
        change.accept(req);
        int stored = store.summaries().size();
        List<String> mutations = cloud.mutations();
        assertThatThrownBy(() -> r.start(req)).as(field)
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).contains(messagePart);
                });
        assertThat(store.summaries()).as("nothing stored").hasSize(stored);
        assertThat(cloud.mutations()).as("nothing changed").isEqualTo(mutations);
        assertThat(source.fetches).as("no source asked").isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sub(Map<String, Object> r, String key) {
        return (Map<String, Object>) r.get(key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metricOf(Map<String, Object> r, int i) {
        return ((List<Map<String, Object>>) sub(r, "config").get("metrics")).get(i);
    }

    @Test
    void badRequestsAreRefusedNamingTheFieldAndChangeNothing() {
        refused(r -> metricOf(r, 2).put("direction", "up"), "config.metrics[2].direction", "increase, decrease, either");
        refused(r -> metricOf(r, 1).put("query", "nonsense"), "config.metrics[1].query", "unknown fake query");
        refused(r -> metricOf(r, 0).put("source", "prometheus"), "config.metrics[0].source",
                "no metric source of type 'prometheus' is configured; configured: fake");
        refused(r -> sub(r, "window").put("end", "2024-06-03T09:00:00Z"), "window.end", "must be after");
        refused(r -> sub(r, "window").put("end", "yesterday"), "window.end", "ISO-8601 instant");
        refused(r -> sub(r, "window").remove("end"), "window.end", "is required");
        refused(r -> sub(r, "window").put("lifetime", "PT30M"), "window.start", "not both");
        refused(r -> r.put("window", Map.of("lifetime", "30m")), "window.lifetime", "ISO-8601 duration");
        refused(r -> r.put("window", Map.of("lifetime", "P30D")), "window.lifetime", "at most");
        refused(r -> r.put("step", "PT0.1S"), "step", "at least one second");
        refused(r -> r.put("step", "-PT1M"), "step", "positive");
        refused(r -> sub(r, "window").put("end", "2024-09-03T11:00:00Z"), "step", "more than 100000");
        refused(r -> sub(r, "control").put("serverGroup", "hello prod"), "control.serverGroup", "control.serverGroup");
        refused(r -> sub(r, "control").put("account", "nope"), "control.account", "unknown account 'nope'");
        refused(r -> sub(r, "control").put("location", "mars"), "control.location", "no location 'mars'");
        refused(r -> sub(r, "experiment").put("target", "newest"), "experiment.target", "not both");
        refused(r -> {
            sub(r, "experiment").remove("serverGroup");
            sub(r, "experiment").put("cluster", "hello-prod");
            sub(r, "experiment").put("target", "newest");
        }, "experiment.target", "current, previous, oldest");
        refused(r -> sub(r, "experiment").put("cluster", "hello-staging"), "experiment.cluster", "is in cluster");
        refused(r -> sub(r, "experiment").put("colour", "red"), "experiment.colour", "unknown field");
        refused(r -> r.remove("experiment"), "experiment", "is required");
        refused(r -> r.remove("config"), "config", "is required");
        refused(r -> r.put("account", "test"), "account", "unknown field");
        refused(r -> r.put("failIfBusy", true), "failIfBusy", "does not apply");
        refused(r -> r.put("scoreThresholds", Map.of("pass", 40, "marginal", 60)), "scoreThresholds.marginal",
                "must not exceed");
        refused(r -> sub(r, "config").put("groupWeights", Map.of("latncy", 50)), "config.groupWeights.latncy",
                "no metric is in group");
    }

    @Test
    void aWindowStillToComeNeedsLiveGroups() {
        refused(r -> {
            r.put("window", Map.of("lifetime", "PT10M"));
            sub(r, "control").put("serverGroup", "hello-prod-v007");
        }, "control.serverGroup", "not found");
        refused(r -> {
            r.put("window", Map.of("lifetime", "PT10M"));
            r.put("control", Map.of("account", "test", "cluster", "hello-prod", "target", "oldest"));
            r.put("experiment", Map.of("account", "test", "cluster", "hello-other", "target", "current"));
        }, "experiment.target", "has no current server group");
        // A window in the past may be judged after its groups are gone.
        Map<String, Object> old = request(List.of(metric("latency", "steady")));
        sub(old, "control").put("serverGroup", "hello-prod-v007");
        assertThat(runner.start(old).status()).isEqualTo(OperationStatus.RUNNING);
    }

    @Test
    void withoutMetricSourcesEveryAnalysisIsRefusedNamingTheSource() {
        OperationRunner bare = new OperationRunner(accounts, store, catalog(MetricSources.none()),
                new OperationRunner.Options(Clock.systemUTC(), Duration.ofMillis(10)));
        runners.add(bare);
        refused(bare, r -> { }, "config.metrics[0].source",
                "no metric source of type 'fake' is configured; configured: none");
    }

    // ---- durability, cancel, plan, queue ------------------------------------------------------------------

    private Map<String, Object> lifetime(String duration) {
        Map<String, Object> r = request(List.of(metric("latency", "steady")));
        r.put("window", Map.of("lifetime", duration));
        r.put("step", "PT1S");
        return r;
    }

    private OperationState awaitStep(OperationRunner r, String id, String step) {
        return await().atMost(LONG).until(() -> r.get(id).orElseThrow(), s -> !s.steps().isEmpty()
                && s.steps().get(s.steps().size() - 1).name().equals(step)
                && s.steps().get(s.steps().size() - 1).status() == StepStatus.RUNNING);
    }

    @Test
    void aWindowThatEndsLaterIsWaitedForAndTheWaitSurvivesARestart() throws Exception {
        OperationState started = runner.start(lifetime("PT4S"));
        OperationState waiting = awaitStep(runner, started.id(), "waitForWindowEnd");
        Object window = waiting.context().get(AnalysisKeys.WINDOW);
        Instant end = Instant.parse(String.valueOf(((Map<?, ?>) window).get("end")));
        assertThat(end).isAfter(Instant.now());

        runner.close(); // the server stops while the analysis waits
        OperationState stored = store.load(started.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(OperationStatus.RUNNING);
        assertThat(source.fetches).isEmpty();

        runner = newRunner();
        assertThat(runner.resumeAll()).isEqualTo(1);
        OperationState done = runner.awaitFinished(started.id(), LONG);
        assertThat(done.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(done.context().get(AnalysisKeys.WINDOW)).as("the same window after the restart").isEqualTo(window);
        assertThat(source.fetches).isNotEmpty().allSatisfy(f -> assertThat(f.at()).isAfterOrEqualTo(end));
        assertThat(done.steps()).extracting(r -> r.name() + ":" + r.status()).containsExactly(
                "resolveAnalysis:SUCCEEDED", "waitForWindowEnd:INTERRUPTED", "waitForWindowEnd:SUCCEEDED",
                "judgeCanary:SUCCEEDED");
        assertThat(result(done)).containsEntry("classification", "Pass");
    }

    @Test
    void aWaitingAnalysisCanBeCancelledAndAsksNoSource() throws Exception {
        OperationState started = runner.start(lifetime("PT10M"));
        awaitStep(runner, started.id(), "waitForWindowEnd");
        runner.cancel(started.id());
        OperationState done = runner.awaitFinished(started.id(), LONG);
        assertThat(done.status()).isEqualTo(OperationStatus.CANCELLED);
        assertThat(source.fetches).isEmpty();
        assertThat(done.context()).doesNotContainKey(AnalysisKeys.RESULT);
    }

    @Test
    void aWaitingAnalysisDoesNotHoldUpOperationsOnItsCluster() throws Exception {
        OperationState analysis = runner.start(lifetime("PT10M"));
        awaitStep(runner, analysis.id(), "waitForWindowEnd");
        OperationState resize = run(new HashMap<>(Map.of("type", "resize", "account", "test",
                "serverGroupName", CANARY, "capacity", Map.of("min", 0, "desired", 0, "max", 1))));
        assertThat(resize.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(runner.get(analysis.id()).orElseThrow().status()).isEqualTo(OperationStatus.RUNNING);
        runner.cancel(analysis.id());
    }

    @Test
    void aDryRunPlansTheWaitAndTheReadsAndDoesNothing() {
        Planner planner = new Planner(new Accounts(List.of(cloud)), TrafficGuards.none(),
                catalog(MetricSources.of(List.of(source))), Clock.systemUTC());
        Plan plan = planner.plan(lifetime("PT10M"));
        assertThat(plan.outcome()).isEqualTo(Plan.Outcome.SUCCEEDS);
        assertThat(plan.type()).isEqualTo("canaryAnalysis");
        assertThat(plan.target().cluster()).isEqualTo("hello-prod");
        assertThat(plan.steps()).extracting(PlannedStep::name)
                .containsExactly("resolveAnalysis", "waitForWindowEnd", "judgeCanary");
        assertThat(plan.actions()).as("no cloud change").isEmpty();
        assertThat(plan.steps().get(1).checks()).extracting(PlanCheck::kind).containsExactly(PlanCheck.Kind.DELAY);
        PlanCheck read = plan.steps().get(2).checks().get(0);
        assertThat(read.kind()).isEqualTo(PlanCheck.Kind.CALL);
        assertThat(read.description()).contains("1 metric(s) from fake").contains(BASELINE).contains(CANARY)
                .contains("601 step(s) of PT1S");
        assertThat(source.fetches).isEmpty();
        assertThat(store.summaries()).hasSize(2); // the two deploys of the setup

        assertThatThrownBy(() -> planner.plan(request(List.of(metric("latency", "nonsense")))))
                .isInstanceOfSatisfying(ClusterDeployException.class,
                        e -> assertThat(e.field()).isEqualTo("config.metrics[0].query"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theApiStartsItAndShowsTheReport() {
        Planner planner = new Planner(new Accounts(List.of(cloud)), TrafficGuards.none(),
                catalog(MetricSources.of(List.of(source))), Clock.systemUTC());
        ClusterDeployApi api = new ClusterDeployApi(accounts, runner, planner);
        Json json = new Json();
        ApiResponse started = api.handle(ApiRequest.post("/operations",
                json.write(request(List.of(metric("latency", "doubled"))))));
        assertThat(started.status()).isEqualTo(202);
        String id = (String) json.readObject(started.json()).get("id");
        Map<String, Object> shown = await().atMost(LONG).until(
                () -> json.readObject(api.handle(ApiRequest.get("/operations/" + id)).json()),
                m -> "SUCCEEDED".equals(m.get("status")));
        Map<String, Object> result = (Map<String, Object>) ((Map<String, Object>) shown.get("context"))
                .get(AnalysisKeys.RESULT);
        assertThat(result).containsEntry("classification", "Fail");
        Map<String, Object> report = (Map<String, Object>) result.get("report");
        Map<String, Object> latency = ((List<Map<String, Object>>) report.get("metrics")).get(0);
        assertThat(latency).containsEntry("classification", "High").containsKeys("statistics", "effectSize");
        assertThat(((Map<String, Object>) ((Map<String, Object>) latency.get("canary")).get("series")))
                .containsKeys("timestamps", "values");

        ApiResponse bad = api.handle(ApiRequest.post("/operations", json.write(lifetime("30 minutes"))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(json.readObject(bad.json())).containsEntry("field", "window.lifetime");

        ApiResponse plan = api.handle(ApiRequest.post("/operations", "{\"dryRun\": true, "
                + json.write(lifetime("PT1M")).substring(1)));
        assertThat(plan.status()).isEqualTo(200);
        assertThat(json.readObject(plan.json())).containsEntry("outcome", "SUCCEEDS");
    }

    @Test
    void notFoundAccountsKeepTheirKind() {
        Map<String, Object> r = request(List.of(metric("latency", "steady")));
        sub(r, "experiment").put("account", "ghost");
        assertThatThrownBy(() -> runner.start(r)).isInstanceOfSatisfying(ClusterDeployException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
    }
}
