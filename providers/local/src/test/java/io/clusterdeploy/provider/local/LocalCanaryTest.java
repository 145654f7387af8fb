package io.clusterdeploy.provider.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.canary.source.MetricSources;
import io.clusterdeploy.engine.conformance.LoadDriver;
import io.clusterdeploy.engine.conformance.TrafficProbe;
import io.clusterdeploy.engine.guard.TrafficGuards;
import io.clusterdeploy.engine.model.LoadBalancer;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.operation.OperationStatus;
import io.clusterdeploy.engine.testing.EngineHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Canary deploys on real sample-app processes behind the real load balancer, under continuous load, judged from the
 * load balancer's own counts (the {@code local} metric source): a good canary is promoted by red/black without a
 * failed request; a bad one (half its answers 500) fails, its failed requests stay within its share of the traffic
 * times its error rate, none fail once it is gone, and production is as it was.
 */
class LocalCanaryTest {
    private static final int CLIENTS = 4;
    private static final int PERCENT = 20;
    private static final double BAD_ERROR_RATE = 0.5;

    @TempDir
    Path stateDir;
    private ProviderFixture fx;
    private EngineHarness engine;
    private LoadBalancer lb;
    /** Every answer: when it came back, whether it was a 200, the version that gave it. */
    private LoadDriver load;

    @BeforeEach
    void productionUnderLoad() throws Exception {
        fx = new ProviderFixture(stateDir);
        engine = new EngineHarness(fx.provider, TrafficGuards.none(),
                MetricSources.of(List.of(fx.provider.metricSource())));
        lb = fx.loadBalancer("hello-prod");
        OperationState v1 = engine.run(deploy("redblack", "v1", Map.of()));
        assertThat(v1.status()).as(String.valueOf(v1.error())).isEqualTo(OperationStatus.SUCCEEDED);
        load = new LoadDriver(() -> {
            Http.Answer a = fx.http.get(lb.address(), "/");
            return a.status() == 200 ? TrafficProbe.Answer.success(a.version())
                    : TrafficProbe.Answer.failure(a.status() + " " + a.body());
        }, CLIENTS, Duration.ofMinutes(10));
        load.awaitAnswersAfter(Instant.EPOCH, 100, Duration.ofSeconds(30));
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
        r.put("account", ProviderFixture.ACCOUNT);
        r.put("application", "hello");
        r.put("stack", "prod");
        r.put("strategy", strategy);
        r.put("capacity", Map.of("min", 2, "desired", 2, "max", 2));
        r.put("loadBalancers", List.of("hello-prod"));
        r.put("spec", Map.of("command", SampleApp.command(version, flags), "healthCheckPath", "/health"));
        r.put("deployTimeoutSec", 120);
        r.putAll(extra);
        return r;
    }

    private static Map<String, Object> canary(String lifetime, String interval) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("lifetime", lifetime);
        c.put("interval", interval);
        c.put("step", "PT1S");
        c.put("trafficPercent", PERCENT);
        c.put("config", Map.of("source", "local", "metrics", List.of(
                Map.of("name", "error rate", "query", "error_rate", "direction", "increase", "critical", true,
                        "nanStrategy", "remove"))));
        return c;
    }

    private List<String> production() {
        return fx.provider.serverGroups("hello").stream().filter(sg -> sg.cluster().equals("hello-prod"))
                .map(sg -> sg.name() + " " + (sg.enabled() ? "enabled" : "disabled") + " " + sg.capacity()).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> record(OperationState s) {
        return (Map<String, Object>) s.context().get("canary");
    }

    private List<LoadDriver.Timed> between(Instant from, Instant to) {
        return load.between(from, to);
    }

    @Test
    void aGoodCanaryTakesItsShareAndIsPromotedWithoutAFailedRequest() throws Exception {
        OperationState s = engine.run(deploy("canary", "v2", Map.of("canary", canary("PT6S", "PT6S"))));

        assertThat(s.status()).as(String.valueOf(s.error())).isEqualTo(OperationStatus.SUCCEEDED);
        Map<String, Object> record = record(s);
        assertThat(record).containsEntry("decision", "promote").containsEntry("baseline", "hello-prod-baseline-v000")
                .containsEntry("canary", "hello-prod-canary-v000");
        assertThat(load.failures()).as("no failed request during the whole canary and promotion").isEmpty();
        // During the analysis, the canary (v2) answered about its share; the baseline ran v1 beside it.
        Map<?, ?> analysis = (Map<?, ?>) record.get("analysis");
        List<LoadDriver.Timed> judged = between(Instant.parse((String) analysis.get("start")),
                Instant.parse((String) analysis.get("end")));
        double v2Share = judged.stream().filter(a -> "v2".equals(a.version())).count() / (double) judged.size();
        System.out.printf("good canary: %d requests, 0 failed; canary share %.1f%% of %d during the analysis; served %s%n",
                load.requests(), 100 * v2Share, judged.size(), ((Map<?, ?>) record.get("traffic")).get("served"));
        assertThat(v2Share).as("the canary's share of %d requests", judged.size()).isBetween(0.10, 0.30);
        Map<?, ?> served = (Map<?, ?>) ((Map<?, ?>) record.get("traffic")).get("served");
        assertThat(((Number) served.get("canaryPercent")).doubleValue()).isBetween(15.0, 25.0);
        assertThat(((Number) served.get("baselinePercent")).doubleValue()).isBetween(15.0, 25.0);

        assertThat(production()).containsExactly("hello-prod-v001 enabled Capacity[min=2, desired=2, max=2]",
                "hello-prod-v000 disabled Capacity[min=2, desired=2, max=2]");
        assertThat(fx.provider.serverGroups("hello")).extracting(ServerGroup::cluster).containsOnly("hello-prod");
        Instant after = Instant.now();
        load.awaitAnswersAfter(after, 100, Duration.ofSeconds(30));
        assertThat(between(after, Instant.now())).extracting(LoadDriver.Timed::version).containsOnly("v2");
    }

    @Test
    void aBadCanaryFailsWithinItsShareOfErrorsAndLeavesProductionAsItWas() throws Exception {
        List<String> before = production();
        Instant began = Instant.now();
        OperationState s = engine.run(deploy("canary", "v3", Map.of("canary", canary("PT30S", "PT5S")),
                "--error-rate", String.valueOf(BAD_ERROR_RATE)));
        Instant ended = Instant.now();

        assertThat(s.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(s.error().message()).contains("canary failed: interval 1 of 6");
        assertThat(record(s)).containsEntry("decision", "fail");
        assertThat(production()).isEqualTo(before);
        assertThat(fx.provider.serverGroups("hello")).extracting(ServerGroup::cluster).containsOnly("hello-prod");

        List<LoadDriver.Timed> during = between(began, ended);
        long failed = during.stream().filter(a -> !a.ok()).count();
        // Expected failures: share × error rate × requests; the margin covers the randomness of the app's errors
        // (a binomial draw) and the smooth round-robin's rounding over a few hundred requests.
        double expected = PERCENT / 100.0 * BAD_ERROR_RATE * during.size();
        System.out.printf("bad canary: %d of %d requests failed while it lived (expected about %.0f), in %d ms%n",
                failed, during.size(), expected, Duration.between(began, ended).toMillis());
        assertThat(failed).as("failed requests of %d while the canary lived", during.size())
                .isPositive().isLessThanOrEqualTo((long) Math.ceil(expected * 1.5 + 10));
        assertThat(during).filteredOn(LoadDriver.Timed::ok).extracting(LoadDriver.Timed::version)
                .as("production kept serving v1").contains("v1");

        Instant after = Instant.now();
        load.awaitAnswersAfter(after, 200, Duration.ofSeconds(30));
        assertThat(between(after, Instant.now())).as("nothing fails once the canary is gone")
                .allMatch(a -> a.ok() && "v1".equals(a.version()));
    }
}
