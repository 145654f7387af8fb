package io.clusterdeploy.provider.local;

import static io.clusterdeploy.provider.local.ProviderFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.model.HealthState;
import io.clusterdeploy.engine.model.LoadBalancer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Traffic weights for canaries: baseline 10%, canary 10%, production the rest, counted by the load
 * balancer's own statistics. Routing is deterministic, so over whole hundreds of requests the shares are
 * exact: the bound is 0 requests.
 */
class TrafficWeightsTest {
    private static final int CLIENTS = 4;
    private static final int REQUESTS = 1_000;

    @TempDir
    Path stateDir;
    private ProviderFixture fx;
    private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);

    @BeforeEach
    void start() {
        fx = new ProviderFixture(stateDir);
    }

    @AfterEach
    void stop() {
        clients.shutdownNow();
        if (fx != null) {
            fx.close();
        }
    }

    /** Sends {@code REQUESTS} GETs from several clients at once; returns how many did not answer 200. */
    private int load(LoadBalancer lb) throws Exception {
        AtomicInteger failed = new AtomicInteger();
        List<Future<?>> load = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            load.add(clients.submit(() -> {
                for (int i = 0; i < REQUESTS / CLIENTS; i++) {
                    if (fx.http.get(lb.address(), "/").status() != 200) {
                        failed.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> f : load) {
            f.get(5, TimeUnit.MINUTES);
        }
        return failed.get();
    }

    /** Requests the group answered since {@code from}, once the seconds they fell in are over. */
    private long served(String group, Instant from, long atLeastInAll, List<String> all) {
        await().until(() -> all.stream().mapToLong(g -> fx.provider.trafficStatistics(g, from, Instant.now()).requests())
                .sum() >= atLeastInAll);
        return fx.provider.trafficStatistics(group, from, Instant.now()).requests();
    }

    @Test
    void servedSharesAreExactlyTheChosenOnes() throws Exception {
        LoadBalancer lb = fx.loadBalancer("hello-prod");
        fx.deploy("hello-prod-v001", 2, List.of("hello-prod"), SampleApp.command("v1"));
        fx.deploy("hello-prod-baseline-v001", 1, List.of("hello-prod"), SampleApp.command("v1"));
        fx.deploy("hello-prod-canary-v001", 1, List.of("hello-prod"), SampleApp.command("v2"));
        for (String g : List.of("hello-prod-v001", "hello-prod-baseline-v001", "hello-prod-canary-v001")) {
            fx.awaitAll(g, g.equals("hello-prod-v001") ? 2 : 1, HealthState.UP);
        }

        LoadBalancer weighted = fx.provider.setTrafficWeights("hello-prod",
                Map.of("hello-prod-baseline-v001", 10, "hello-prod-canary-v001", 10));
        assertThat(weighted.settings()).containsEntry("trafficWeights",
                Map.of("hello-prod-baseline-v001", 10, "hello-prod-canary-v001", 10));
        Instant from = Instant.now().minusSeconds(1);
        assertThat(load(lb)).isZero();

        List<String> all = List.of("hello-prod-v001", "hello-prod-baseline-v001", "hello-prod-canary-v001");
        assertThat(served("hello-prod-baseline-v001", from, REQUESTS, all)).isEqualTo(100);
        assertThat(served("hello-prod-canary-v001", from, REQUESTS, all)).isEqualTo(100);
        assertThat(served("hello-prod-v001", from, REQUESTS, all)).isEqualTo(800);
    }

    @Test
    void aWeightedGroupWithoutInstanceInServiceLeavesItsShareToTheOthers() throws Exception {
        LoadBalancer lb = fx.loadBalancer("hello-prod");
        fx.deploy("hello-prod-v001", 1, List.of("hello-prod"), SampleApp.command("v1"));
        fx.deploy("hello-prod-canary-v001", 1, List.of("hello-prod"), SampleApp.command("v2"));
        fx.awaitAll("hello-prod-v001", 1, HealthState.UP);
        fx.awaitAll("hello-prod-canary-v001", 1, HealthState.UP);
        // Named before it exists, as a canary deploy may do; and the canary itself is out of service.
        fx.provider.setTrafficWeights("hello-prod", Map.of("hello-prod-canary-v001", 20, "hello-prod-baseline-v001", 20));
        fx.provider.disable("local", "hello-prod-canary-v001", 100);
        Instant from = Instant.now().minusSeconds(1);
        assertThat(load(lb)).isZero();

        List<String> all = List.of("hello-prod-v001", "hello-prod-canary-v001");
        assertThat(served("hello-prod-v001", from, REQUESTS, all)).isEqualTo(REQUESTS);
        assertThat(served("hello-prod-canary-v001", from, REQUESTS, all)).isZero();
    }

    @Test
    void weightsAreRecordedWithTheLoadBalancerAndGoWithADestroyedGroup() {
        fx.loadBalancer("hello-prod");
        fx.deploy("hello-prod-canary-v001", 0, List.of("hello-prod"), SampleApp.command("v2"));
        fx.provider.setTrafficWeights("hello-prod", Map.of("hello-prod-canary-v001", 10, "hello-prod-baseline-v001", 5));
        fx.close();
        fx = new ProviderFixture(stateDir);
        assertThat(fx.provider.loadBalancers("hello").get(0).settings()).containsEntry("trafficWeights",
                Map.of("hello-prod-canary-v001", 10, "hello-prod-baseline-v001", 5));

        fx.provider.destroy("local", "hello-prod-canary-v001");
        assertThat(fx.provider.loadBalancers("hello").get(0).settings()).containsEntry("trafficWeights",
                Map.of("hello-prod-baseline-v001", 5));
        fx.provider.setTrafficWeights("hello-prod", Map.of());
        assertThat(fx.provider.loadBalancers("hello").get(0).settings()).doesNotContainKey("trafficWeights");
    }

    @Test
    void badWeightsNameTheFieldAndChangeNothing() {
        fx.loadBalancer("hello-prod");
        fx.provider.setTrafficWeights("hello-prod", Map.of("hello-prod-canary-v001", 10));
        refused(() -> fx.provider.setTrafficWeights("nope", Map.of()), ErrorKind.NOT_FOUND, "loadBalancer");
        refused(() -> fx.provider.setTrafficWeights("hello-prod", Map.of("hello-prod-v001", 60, "hello-prod-canary-v001", 41)),
                ErrorKind.INVALID_INPUT, "percentByServerGroup");
        refused(() -> fx.provider.setTrafficWeights("hello-prod", Map.of("hello-prod-v001", 101)),
                ErrorKind.INVALID_INPUT, "percentByServerGroup[hello-prod-v001]");
        refused(() -> fx.provider.setTrafficWeights("hello-prod", Map.of("hello-prod", 10)),
                ErrorKind.INVALID_INPUT, "percentByServerGroup[hello-prod]");
        refused(() -> fx.provider.setTrafficWeights("hello-prod", Map.of("bad name-v001", 10)),
                ErrorKind.INVALID_INPUT, "percentByServerGroup[bad name-v001]");
        refused(() -> fx.provider.setTrafficWeights("hello-prod", null), ErrorKind.INVALID_INPUT, "percentByServerGroup");
        assertThat(fx.provider.loadBalancers("hello").get(0).settings()).containsEntry("trafficWeights",
                Map.of("hello-prod-canary-v001", 10));
    }

    private static void refused(Runnable call, ErrorKind kind, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ClusterDeployException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.field()).isEqualTo(field);
        });
    }
}
