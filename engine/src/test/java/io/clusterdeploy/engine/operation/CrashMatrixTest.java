package io.clusterdeploy.engine.operation;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.canary.source.MetricSources;
import io.clusterdeploy.engine.catalog.OperationCatalog;
import io.clusterdeploy.engine.guard.GuardedCloudProvider;
import io.clusterdeploy.engine.guard.TrafficGuards;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.provider.Accounts;
import io.clusterdeploy.engine.testing.FakeCloudProvider;
import io.clusterdeploy.engine.testing.ScaledClock;
import io.clusterdeploy.engine.testing.VersionMetricSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The crash matrix: for every operation type and strategy, the runner is killed at every point
 * where it persists state (every step boundary and every checkpoint inside a step), a fresh
 * runner resumes from what was stored, and the final cluster must equal that of an uninterrupted
 * run: no duplicated server group, nothing lost. Killing at a save means the cloud call before it
 * happened but was never recorded, the hardest case for idempotent steps.
 */
class CrashMatrixTest {
    private static final List<String> REPORT = new ArrayList<>();

    /** Thrown by the store instead of saving: the process "dies" there. */
    static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedCrash() {
            super("simulated crash", null, false, false);
        }
    }

    /** Counts saves once armed and crashes at the chosen one. */
    static final class CrashingStore implements OperationStore {
        final InMemoryOperationStore delegate = new InMemoryOperationStore();
        volatile boolean armed;
        volatile int crashAt = Integer.MAX_VALUE;
        volatile int saves;

        @Override
        public void save(OperationState state) {
            if (armed && ++saves == crashAt) {
                throw new SimulatedCrash();
            }
            delegate.save(state);
        }

        @Override
        public Optional<OperationState> load(String id) {
            return delegate.load(id);
        }

        @Override
        public List<OperationSummary> summaries() {
            return delegate.summaries();
        }

        @Override
        public void delete(String id) {
            delegate.delete(id);
        }

        @Override
        public void setAside(String id, String reason) {
            delegate.setAside(id, reason);
        }
    }

    /** One cloud with a store and a way to build runners over them, like a server and its restarts. */
    static final class World {
        final FakeCloudProvider cloud = new FakeCloudProvider("test");
        final Accounts accounts = new Accounts(List.of(new GuardedCloudProvider(cloud, TrafficGuards.none())));
        final CrashingStore store = new CrashingStore();
        /** Canaries judge "errors" twice as high for groups running "bad". */
        final VersionMetricSource metrics = new VersionMetricSource(cloud, java.util.Set.of("bad"));
        /** Ten times real time: a canary's lifetime of seconds passes in a few hundred milliseconds. */
        final Clock clock = new ScaledClock(10);

        OperationRunner runner() {
            return runner(store);
        }

        OperationCatalog catalog() {
            return new OperationCatalog(accounts, TrafficGuards.none(),
                    (field, settings) -> (id, group, pct) -> {
                        if (Integer.valueOf(pct).equals(settings.get("fail"))) {
                            throw new IllegalStateException("validation failed");
                        }
                    }, MetricSources.of(List.of(metrics)));
        }

        OperationRunner runner(OperationStore store) {
            return new OperationRunner(accounts, store, catalog(),
                    new OperationRunner.Options(clock, Duration.ofMillis(5)));
        }

        OperationState runToEnd(OperationRunner runner, Map<String, Object> request) throws InterruptedException {
            OperationState s = runner.start(request);
            return runner.awaitFinished(s.id(), Duration.ofSeconds(60));
        }
    }

    record Scenario(String name, List<Map<String, Object>> setup, Map<String, Object> operation) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Map<String, Object> deploy(String strategy, String version, Map<String, Object> extra) {
        Map<String, Object> r = new HashMap<>(Map.of("type", "deploy", "account", "test", "application", "hello",
                "stack", "prod", "strategy", strategy, "capacity", Map.of("min", 1, "desired", 2, "max", 2),
                "spec", Map.of("version", version)));
        r.putAll(extra);
        return r;
    }

    /** Two intervals of 4 s, five points a side each: the bad canary fails at the first. */
    private static Map<String, Object> canary() {
        return Map.of("lifetime", "PT8S", "interval", "PT4S", "step", "PT1S", "trafficPercent", 10,
                "config", Map.of("source", "fake", "metrics",
                        List.of(Map.of("name", "errors", "query", "errors", "direction", "increase"))));
    }

    private static Map<String, Object> op(String type, Map<String, Object> fields) {
        Map<String, Object> r = new HashMap<>(fields);
        r.put("type", type);
        r.put("account", "test");
        return r;
    }

    static Stream<Scenario> scenarios() {
        List<Map<String, Object>> one = List.of(deploy("none", "v1", Map.of()));
        List<Map<String, Object>> three = List.of(deploy("none", "v1", Map.of()), deploy("redblack", "v2", Map.of()),
                deploy("redblack", "v3", Map.of()));
        Map<String, Object> neverHealthy = Map.of("version", "v2", "healthy", false);
        return Stream.of(
                new Scenario("none", one, deploy("none", "v2", Map.of())),
                new Scenario("highlander", three, deploy("highlander", "v4", Map.of())),
                new Scenario("redblack", one, deploy("redblack", "v2", Map.of())),
                new Scenario("redblack shrink+scaleDown", three, deploy("redblack", "v4",
                        Map.of("maxRemainingAsgs", 2, "scaleDown", true))),
                new Scenario("redblack rollback", one, deploy("redblack", "v2", Map.of("spec", neverHealthy,
                        "deployTimeoutSec", 1, "rollback", Map.of("onFailure", true)))),
                new Scenario("rollingredblack", one, deploy("rollingredblack", "v2",
                        Map.of("validation", Map.of("check", true)))),
                new Scenario("rollingredblack rollback", one, deploy("rollingredblack", "v2",
                        Map.of("validation", Map.of("fail", 100), "rollback", Map.of("onFailure", true, "destroyLatest", true)))),
                new Scenario("rollbackCluster", three, op("rollbackCluster", Map.of("cluster", "hello-prod"))),
                new Scenario("disableCluster", three, op("disableCluster", Map.of("cluster", "hello-prod",
                        "remainingEnabledServerGroups", 1))),
                new Scenario("scaleDownCluster", three, op("scaleDownCluster", Map.of("cluster", "hello-prod"))),
                new Scenario("shrinkCluster", three, op("shrinkCluster", Map.of("cluster", "hello-prod"))),
                new Scenario("canary pass", one, deploy("canary", "v2", Map.of("loadBalancers", List.of("hello-prod"),
                        "canary", canary()))),
                new Scenario("canary fail", one, deploy("canary", "bad", Map.of("loadBalancers", List.of("hello-prod"),
                        "canary", canary()))),
                new Scenario("resize scale_down", one, op("resize", Map.of("serverGroupName", "hello-prod-v000",
                        "action", "scale_down", "scaleNum", 1))),
                new Scenario("enable", three, op("enable", Map.of("serverGroupName", "hello-prod-v000"))),
                new Scenario("destroy", three, op("destroy", Map.of("serverGroupName", "hello-prod-v000"))));
    }

    /** What must match between an interrupted and an uninterrupted run. */
    static List<String> cluster(FakeCloudProvider cloud) {
        return Stream.of("hello").flatMap(app -> cloud.serverGroups(app).stream())
                .sorted(java.util.Comparator.comparing(ServerGroup::name))
                .map(sg -> sg.name() + " " + sg.artifact() + " " + (sg.enabled() ? "enabled" : "disabled") + " "
                        + sg.capacity())
                .toList();
    }

    static long creates(FakeCloudProvider cloud) {
        return cloud.mutations().stream().filter(m -> m.startsWith("create")).count();
    }

    static World prepared(Scenario scenario) throws InterruptedException {
        World w = new World();
        try (OperationRunner r = w.runner()) {
            for (Map<String, Object> setup : scenario.setup()) {
                assertThat(w.runToEnd(r, setup).status()).isEqualTo(OperationStatus.SUCCEEDED);
            }
        }
        return w;
    }

    static Stream<Arguments> crashPoints() throws InterruptedException {
        List<Arguments> points = new ArrayList<>();
        for (Scenario scenario : scenarios().toList()) {
            World reference = prepared(scenario);
            reference.store.armed = true;
            OperationState end;
            try (OperationRunner r = reference.runner()) {
                end = reference.runToEnd(r, scenario.operation());
            }
            int saves = reference.store.saves;
            // Save 1 is the acceptance itself: a crash there fails start() and nothing is stored,
            // so the client is told and nothing is to resume. Every later save is a crash point.
            for (int k = 2; k <= saves; k++) {
                points.add(Arguments.of(scenario, k, end.status(), cluster(reference.cloud), creates(reference.cloud)));
            }
            REPORT.add(scenario.name() + ": " + (saves - 1) + " crash points, ends " + end.status());
        }
        return points.stream();
    }

    @ParameterizedTest(name = "{0}, crash at save {1}")
    @MethodSource("crashPoints")
    void resumingAfterACrashEndsLikeAnUninterruptedRun(Scenario scenario, int crashAt, OperationStatus expectedStatus,
                                                       List<String> expectedCluster, long expectedCreates)
            throws Exception {
        World w = prepared(scenario);
        w.store.armed = true;
        w.store.crashAt = crashAt;
        OperationRunner first = w.runner();
        OperationState started = first.start(scenario.operation());
        // The simulated crash kills the operation thread; Awaitility must not treat that as a test failure.
        Awaitility.await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(60))
                .until(() -> !first.isActive(started.id()));
        first.close();
        assertThat(w.store.load(started.id()).orElseThrow().status()).as("the crash left it unfinished")
                .isEqualTo(OperationStatus.RUNNING);

        w.store.armed = false;
        OperationState end;
        try (OperationRunner restarted = w.runner()) {
            assertThat(restarted.resumeAll()).isEqualTo(1);
            end = restarted.awaitFinished(started.id(), Duration.ofSeconds(60));
        }
        assertThat(end.status()).isEqualTo(expectedStatus);
        assertThat(cluster(w.cloud)).isEqualTo(expectedCluster);
        assertThat(creates(w.cloud)).as("no duplicated server group (a canary's baseline and canary included)")
                .isEqualTo(expectedCreates);
    }

    @AfterAll
    static void report() {
        System.out.println("Crash matrix: " + String.join("; ", REPORT));
    }
}
