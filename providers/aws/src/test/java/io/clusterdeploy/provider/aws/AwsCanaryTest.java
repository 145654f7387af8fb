package io.clusterdeploy.provider.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.canary.source.MetricQuery;
import io.clusterdeploy.engine.canary.source.MetricScope;
import io.clusterdeploy.engine.canary.source.MetricSource;
import io.clusterdeploy.engine.canary.source.MetricSources;
import io.clusterdeploy.engine.canary.source.TimeSeries;
import io.clusterdeploy.engine.canary.source.TimeWindow;
import io.clusterdeploy.engine.conformance.LoadDriver;
import io.clusterdeploy.engine.guard.TrafficGuards;
import io.clusterdeploy.engine.model.LoadBalancer;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.operation.OperationStatus;
import io.clusterdeploy.engine.testing.EngineHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Canary deploys on moto and the test data plane, under continuous load through the listener: baseline and canary
 * get target groups of their own, weighted in the listener's forward action, and leave production's; the baseline
 * is built from production's launch template. The judge reads a test source (moto has no metrics) that makes the
 * canary's errors twice the baseline's when the scenario says the canary is bad.
 */
class AwsCanaryTest {
    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();
    private static final int CLIENTS = 3;
    private static final int PERCENT = 20;

    private AwsFixture fx;
    private EngineHarness engine;
    private LoadBalancer lb;
    private final AtomicBoolean canaryIsWorse = new AtomicBoolean();
    private LoadDriver load;

    /** {@code errors}: the same values for every group, doubled for the canary when {@link #canaryIsWorse}. */
    private final class ScenarioSource implements MetricSource {
        @Override
        public String type() {
            return "fake";
        }

        @Override
        public void validate(MetricQuery query) {
        }

        @Override
        public TimeSeries fetch(MetricQuery query, MetricScope scope, TimeWindow window) {
            boolean worse = canaryIsWorse.get() && scope.serverGroup().contains("-canary-");
            int n = (int) window.points();
            int shift = Math.abs(scope.serverGroup().hashCode()) % 7;
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = (100 + ((i + shift) % 13)) * (worse ? 2 : 1);
            }
            return TimeSeries.regular(window.start(), window.step(), v);
        }
    }

    @BeforeEach
    void productionUnderLoad() throws Exception {
        fx = new AwsFixture(MOTO.server());
        engine = new EngineHarness(fx.provider, TrafficGuards.none(), MetricSources.of(List.of(new ScenarioSource())));
        ProviderCalls.loadBalancer(fx, 2);
        lb = fx.provider.loadBalancers("hello").stream().filter(l -> l.name().equals(ProviderCalls.LB)).findFirst()
                .orElseThrow();
        OperationState v1 = engine.run(ProviderCalls.deploy(fx, "redblack", "v1", true, Map.of()));
        assertThat(v1.status()).as(String.valueOf(v1.error())).isEqualTo(OperationStatus.SUCCEEDED);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> fx.probe(lb).ok());
        load = new LoadDriver(() -> fx.probe(lb), CLIENTS, Duration.ofMinutes(10));
        load.awaitAnswersAfter(Instant.EPOCH, 50, Duration.ofSeconds(60));
    }

    @AfterEach
    void stop() throws Exception {
        load.close();
        engine.close();
        fx.close();
        assertThat(fx.proxy.unimplemented()).isEmpty();
    }

    private Map<String, Object> canary(String version, String flags) {
        Map<String, Object> r = ProviderCalls.deploy(fx, "canary", version, true, Map.of());
        Map<String, Object> spec = new HashMap<>(fx.spec(version, true));
        spec.put("userData", AwsFixture.userData(version, flags));
        r.put("spec", spec);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("lifetime", "PT4S");
        c.put("step", "PT1S");
        c.put("trafficPercent", PERCENT);
        c.put("config", Map.of("source", "fake", "metrics",
                List.of(Map.of("name", "errors", "query", "errors", "direction", "increase"))));
        r.put("canary", c);
        return r;
    }

    private List<String> production() {
        return fx.provider.serverGroups("hello").stream().filter(sg -> sg.cluster().equals("hello-prod"))
                .map(sg -> sg.name() + " " + (sg.enabled() ? "enabled" : "disabled") + " " + sg.capacity() + " "
                        + sg.loadBalancers()).sorted().toList();
    }

    private List<LoadDriver.Timed> between(Instant from, Instant to) {
        return load.between(from, to);
    }

    private List<String> targetGroups() {
        return fx.moto.elb.describeTargetGroups().targetGroups().stream().map(t -> t.targetGroupName()).sorted().toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> record(OperationState s) {
        return (Map<String, Object>) s.context().get("canary");
    }

    @Test
    void aGoodCanaryGetsItsOwnWeightedTargetGroupAndIsPromotedWithoutAFailedRequest() throws Exception {
        OperationState s = engine.run(canary("v2", ""));

        assertThat(s.status()).as(String.valueOf(s.error())).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(record(s)).containsEntry("decision", "promote").containsEntry("baseline", "hello-prod-baseline-v000");
        Map<?, ?> analysis = (Map<?, ?>) record(s).get("analysis");
        List<LoadDriver.Timed> judged = between(Instant.parse((String) analysis.get("start")),
                Instant.parse((String) analysis.get("end")));
        double v2 = judged.stream().filter(a -> "v2".equals(a.version())).count() / (double) judged.size();
        System.out.printf("aws good canary: %d requests, %d during the analysis, canary share %.1f%%%n",
                load.requests(), judged.size(), 100 * v2);
        assertThat(load.failures().stream().limit(5).toList()).as("no failed request").isEmpty();
        assertThat(v2).as("the canary's share through its own target group").isBetween(0.05, 0.40);
        assertThat(production()).anySatisfy(g -> assertThat(g).startsWith("hello-prod-v001 enabled"));
        assertThat(targetGroups()).as("the canary's target groups went with it").containsExactly(ProviderCalls.LB);
        assertThat(fx.provider.serverGroups("hello")).extracting(ServerGroup::cluster).containsOnly("hello-prod");
    }

    @Test
    void aBadCanaryFailsAndProductionIsAsItWas() throws Exception {
        canaryIsWorse.set(true);
        List<String> before = production();
        Instant began = Instant.now();
        OperationState s = engine.run(canary("v3", "--error-rate 0.5"));
        Instant ended = Instant.now();

        assertThat(s.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(s.error().message()).contains("canary failed");
        assertThat(production()).isEqualTo(before);
        assertThat(targetGroups()).containsExactly(ProviderCalls.LB);
        List<LoadDriver.Timed> during = between(began, ended);
        long failed = during.stream().filter(a -> !a.ok()).count();
        System.out.printf("aws bad canary: %d of %d requests failed while it lived%n", failed, during.size());
        assertThat(failed).isLessThanOrEqualTo((long) Math.ceil(PERCENT / 100.0 * 0.5 * during.size() * 1.5 + 10));
        Instant after = Instant.now();
        load.awaitAnswersAfter(after, 50, Duration.ofSeconds(60));
        assertThat(between(after, Instant.now()).stream().filter(a -> !a.ok() || !"v1".equals(a.version()))
                .limit(5).toList()).as("nothing fails once the canary is gone").isEmpty();
    }
}
