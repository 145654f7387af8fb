package io.clusterdeploy.provider.kubernetes;

import io.clusterdeploy.engine.conformance.ConformanceFixture;
import io.clusterdeploy.engine.conformance.ProviderConformanceTest;
import io.clusterdeploy.provider.kubernetes.sim.FaultProxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The whole conformance suite again with 10% of the provider's API requests failing between client and API server:
 * 503s, 429s and dropped connections, and for writes also responses lost after the write was applied. Every
 * operation must still end as the suite demands (success, or the clean rollback it asks for), with 0 failed requests
 * under load. The counts of injected faults are printed per test.
 */
class KubernetesFaultsConformanceTest extends ProviderConformanceTest {
    // One seed per test, in JUnit's (deterministic) order, so that each test meets different faults.
    private static final java.util.concurrent.atomic.AtomicLong SEEDS = new java.util.concurrent.atomic.AtomicLong(1);

    @Override
    protected ConformanceFixture createFixture() {
        long seed = SEEDS.getAndIncrement();
        KubernetesFixture fixture = new KubernetesFixture(Duration.ofSeconds(1), 2) {
            @Override
            public void close() {
                List<FaultProxy.Entry> log = cluster.proxy().log();
                Map<FaultProxy.Fate, Long> fates = log.stream().collect(Collectors.groupingBy(FaultProxy.Entry::fate,
                        TreeMap::new, Collectors.counting()));
                System.out.println("FAULTS seed " + seed + ": " + log.size() + " requests: " + fates);
                super.close();
            }
        };
        fixture.cluster.proxy().faultRate(0.10, seed);
        return fixture;
    }
}
