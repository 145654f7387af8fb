package io.clusterdeploy.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.model.LoadBalancer;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.operation.OperationStatus;
import io.clusterdeploy.engine.testing.EngineHarness;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The strategy and operation behaviour every provider must show, written once against the SPI.
 * A provider module extends this class with a {@link ConformanceFixture} and runs it as its own
 * test. Traffic goes through the provider's real load balancer wherever the fixture can send it.
 */
public abstract class ProviderConformanceTest {
    protected static final String APP = "hello";
    protected static final String LB = "hello-prod";
    private static final int CLIENTS = 4;
    private static final Duration LOAD_LIMIT = Duration.ofMinutes(5);

    protected ConformanceFixture fx;
    protected EngineHarness engine;
    protected LoadBalancer loadBalancer;

    protected abstract ConformanceFixture createFixture() throws Exception;

    private String testName = "";

    @BeforeEach
    void setUpProvider(org.junit.jupiter.api.TestInfo info) throws Exception {
        testName = info.getTestMethod().map(java.lang.reflect.Method::getName).orElse("");
        fx = createFixture();
        engine = new EngineHarness(fx.provider());
        OperationState lb = engine.run(Map.of("type", "upsertLoadBalancer", "account", account(),
                "location", fx.location(), "name", LB, "spec", fx.loadBalancerSpec()));
        assertThat(lb.status()).as("upsertLoadBalancer: %s", lb.error()).isEqualTo(OperationStatus.SUCCEEDED);
        loadBalancer = fx.provider().loadBalancers(APP).stream().filter(l -> l.name().equals(LB)).findFirst()
                .orElseThrow();
    }

    @AfterEach
    void tearDownProvider() {
        if (engine != null) {
            engine.close();
        }
        if (fx != null) {
            fx.close();
        }
    }

    protected String account() {
        return fx.provider().account().name();
    }

    protected Map<String, Object> deploy(String strategy, String version, boolean healthy, Map<String, Object> extra) {
        Map<String, Object> r = new HashMap<>();
        r.put("type", "deploy");
        r.put("account", account());
        r.put("location", fx.location());
        r.put("application", APP);
        r.put("stack", "prod");
        r.put("strategy", strategy);
        r.put("capacity", Map.of("min", 2, "desired", 2, "max", 2));
        r.put("loadBalancers", List.of(LB));
        r.put("spec", fx.spec(version, healthy));
        r.put("deployTimeoutSec", healthy ? fx.deployTimeoutSec() : 5);
        r.putAll(extra);
        return r;
    }

    protected OperationState run(Map<String, Object> request) throws InterruptedException {
        OperationState s = engine.run(request);
        assertThat(s.status()).as("operation still running: %s", s.steps()).isNotEqualTo(OperationStatus.RUNNING);
        return s;
    }

    protected Optional<ServerGroup> group(String name) {
        return fx.provider().serverGroup(fx.location(), name);
    }

    protected List<ServerGroup> cluster() {
        return fx.provider().serverGroups(APP).stream().filter(sg -> sg.cluster().equals(LB)).toList();
    }

    protected LoadDriver load() {
        return new LoadDriver(() -> fx.probe(loadBalancer), CLIENTS, LOAD_LIMIT);
    }

    /** v1 deployed with the none strategy and serving through the load balancer. */
    protected void serveV1() throws InterruptedException {
        OperationState v1 = run(deploy("none", "v1", true, Map.of()));
        assertThat(v1.status()).as("v1: %s", v1.error()).isEqualTo(OperationStatus.SUCCEEDED);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> fx.probe(loadBalancer).ok());
    }

    @Test
    void redBlackUnderLoadFailsNoRequestAndOnlyTheNewVersionAnswersAfterwards() throws Exception {
        serveV1();
        try (LoadDriver load = load()) {
            load.awaitRequestsInPhase(100, Duration.ofSeconds(60));
            load.phase("during");
            OperationState s = run(deploy("redblack", "v2", true, Map.of()));
            load.phase("after");
            load.awaitRequestsInPhase(200, Duration.ofSeconds(60));
            load.close();
            System.out.println(load.summary(getClass().getSimpleName() + " " + testName));

            assertThat(s.status()).as("red/black: %s", s.error()).isEqualTo(OperationStatus.SUCCEEDED);
            assertThat(load.failures()).as("failed requests").isEmpty();
            assertThat(load.versions("before")).containsExactly("v1");
            assertThat(load.versions("after")).containsExactly("v2");
            assertThat(load.requestsIn("after")).isGreaterThanOrEqualTo(200);
        }
        assertThat(group("hello-prod-v000")).get().satisfies(sg -> assertThat(sg.disabled()).isTrue());
        assertThat(group("hello-prod-v001")).get().satisfies(sg -> assertThat(sg.enabled()).isTrue());
    }

    @Test
    void highlanderDestroysEveryOlderGroupAndLeavesNothingOfThemRunning() throws Exception {
        serveV1();
        assertThat(run(deploy("none", "v2", true, Map.of())).status()).isEqualTo(OperationStatus.SUCCEEDED);
        ServerGroup v0 = group("hello-prod-v000").orElseThrow();
        ServerGroup v1 = group("hello-prod-v001").orElseThrow();

        OperationState s = run(deploy("highlander", "v3", true, Map.of()));

        assertThat(s.status()).as("highlander: %s", s.error()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(cluster()).extracting(ServerGroup::name).containsExactly("hello-prod-v002");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> fx.nothingLeftRunning(v0) && fx.nothingLeftRunning(v1));
        assertThat(fx.probe(loadBalancer).version()).isEqualTo("v3");
    }

    @Test
    void aNeverHealthyRedBlackRollsBackWithoutAFailedRequest() throws Exception {
        serveV1();
        OperationState s;
        try (LoadDriver load = load()) {
            load.awaitRequestsInPhase(100, Duration.ofSeconds(60));
            load.phase("during");
            s = run(deploy("redblack", "v2", false, Map.of("rollback", Map.of("onFailure", true))));
            load.phase("after");
            load.awaitRequestsInPhase(100, Duration.ofSeconds(60));
            load.close();
            System.out.println(load.summary(getClass().getSimpleName() + " " + testName));
            assertThat(load.failures()).as("failed requests").isEmpty();
            assertThat(load.versions("after")).containsExactly("v1");
        }
        assertThat(s.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(s.error().message()).contains("health gate");
        assertThat(group("hello-prod-v000")).get().satisfies(sg -> assertThat(sg.enabled()).isTrue());
        assertThat(group("hello-prod-v001")).get().satisfies(sg -> assertThat(sg.disabled()).isTrue());
    }

    @Test
    void rollbackWithDestroyLatestLeavesOnlyTheOldGroup() throws Exception {
        serveV1();
        OperationState s = run(deploy("redblack", "v2", false,
                Map.of("rollback", Map.of("onFailure", true, "destroyLatest", true))));
        assertThat(s.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(cluster()).extracting(ServerGroup::name).containsExactly("hello-prod-v000");
        assertThat(fx.probe(loadBalancer).version()).isEqualTo("v1");
    }

    /** Runs {@code operation} under load; returns the load report after a settled "after" phase. */
    protected LoadDriver underLoad(java.util.concurrent.Callable<OperationState> operation,
                                   java.util.function.Consumer<OperationState> check) throws Exception {
        LoadDriver load = load();
        try {
            load.awaitRequestsInPhase(100, Duration.ofSeconds(60));
            load.phase("during");
            OperationState s = operation.call();
            check.accept(s);
            load.phase("after");
            load.awaitRequestsInPhase(150, Duration.ofSeconds(60));
        } finally {
            load.close();
        }
        System.out.println(load.summary(getClass().getSimpleName() + " " + testName));
        assertThat(load.failures()).as("failed requests").isEmpty();
        return load;
    }

    private static java.util.function.Consumer<OperationState> succeeded() {
        return s -> assertThat(s.status()).as("%s: %s", s.type(), s.error()).isEqualTo(OperationStatus.SUCCEEDED);
    }

    @Test
    void rollingRedBlackUnderLoadFailsNoRequest() throws Exception {
        serveV1();
        LoadDriver load = underLoad(() -> run(deploy("rollingredblack", "v2", true,
                Map.of("targetPercentages", List.of(50)))), succeeded());
        assertThat(load.versions("before")).containsExactly("v1");
        assertThat(load.versions("after")).containsExactly("v2");
        assertThat(group("hello-prod-v000")).get().satisfies(sg -> assertThat(sg.disabled()).isTrue());
    }

    @Test
    void rollbackClusterUnderLoadFailsNoRequestAndBringsBackTheOldVersion() throws Exception {
        serveV1();
        assertThat(run(deploy("redblack", "v2", true, Map.of())).status()).isEqualTo(OperationStatus.SUCCEEDED);
        LoadDriver load = underLoad(() -> run(Map.of("type", "rollbackCluster", "account", account(),
                "location", fx.location(), "cluster", LB)), succeeded());
        assertThat(load.versions("before")).containsExactly("v2");
        assertThat(load.versions("after")).containsExactly("v1");
    }

    @Test
    void disableAndEnableUnderLoadFailNoRequest() throws Exception {
        serveV1();
        assertThat(run(deploy("none", "v2", true, Map.of())).status()).isEqualTo(OperationStatus.SUCCEEDED);
        LoadDriver disabled = underLoad(() -> run(Map.of("type", "disable", "account", account(),
                "location", fx.location(), "serverGroupName", "hello-prod-v000")), succeeded());
        assertThat(disabled.versions("after")).containsExactly("v2");
        LoadDriver enabled = underLoad(() -> run(Map.of("type", "enable", "account", account(),
                "location", fx.location(), "serverGroupName", "hello-prod-v000")), succeeded());
        assertThat(enabled.versions("after")).containsExactlyInAnyOrder("v1", "v2");
    }

    @Test
    void aCancelledRedBlackUnderLoadFailsNoRequestAndKeepsTheOldVersion() throws Exception {
        serveV1();
        LoadDriver load = underLoad(() -> {
            OperationState started = engine.runner.start(deploy("redblack", "v2", true,
                    Map.of("delayBeforeDisableSec", 600, "rollback", Map.of("onFailure", true))));
            Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> engine.runner.get(started.id()).orElseThrow()
                    .steps().stream().anyMatch(st -> st.name().equals("waitBeforeDisable")));
            engine.runner.cancel(started.id());
            return engine.runner.awaitFinished(started.id(), Duration.ofSeconds(120));
        }, s -> assertThat(s.status()).isEqualTo(OperationStatus.CANCELLED));
        assertThat(load.versions("after")).containsExactly("v1");
        assertThat(group("hello-prod-v001")).get().satisfies(sg -> assertThat(sg.disabled()).isTrue());
    }
}
