package io.clusterdeploy.provider.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.model.HealthState;
import io.clusterdeploy.engine.model.LoadBalancer;
import io.clusterdeploy.engine.provider.SecretResolver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load balancer's threads are bounded under a burst of connections (an acceptor and at most one event
 * loop per core, 4 at most) and shrink to the acceptor once idle.
 */
class ThreadsTest {
    private static final int CONNECTIONS = 64;
    private static final int REQUESTS_EACH = 20;

    @TempDir
    Path stateDir;
    private ProviderFixture fx;
    private final ExecutorService clients = Executors.newFixedThreadPool(CONNECTIONS);

    @BeforeEach
    void start() {
        fx = new ProviderFixture(stateDir);
    }

    @AfterEach
    void stop() {
        clients.shutdownNow();
        fx.close();
    }

    private static long liveThreadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive).filter(t -> t.getName().startsWith(prefix)).count();
    }

    /**
     * A provider with nothing to check starts no health-check client (start-up of {@code serve}, issue 14): its
     * threads appear with the first instance.
     */
    @Test
    void healthChecksStartWithTheFirstInstance(@TempDir Path own) {
        String account = "lazy" + System.nanoTime();
        try (LocalProvider provider = (LocalProvider) new LocalProviderFactory().create(account,
                Map.of("stateDir", own.toString(), "healthCheckIntervalMillis", 100),
                SecretResolver.NONE)) {
            ProviderFixture.await().during(Duration.ofMillis(500)).until(() -> liveThreadsNamed("local-health-" + account) == 0);

            provider.createServerGroup(ProviderFixture.request(account + "-v001", 1, List.of(),
                    Map.of("command", SampleApp.command("v1"))));
            ProviderFixture.await().until(() -> liveThreadsNamed("local-health-" + account) > 0);
        }
    }

    @Test
    void threadsAreBoundedUnderABurstAndShrinkWhenIdle() throws Exception {
        LoadBalancer lb = fx.loadBalancer("hello");
        fx.deploy("hello-v001", 2, List.of("hello"), SampleApp.command("v1", "--latency-ms", "20"));
        fx.awaitAll("hello-v001", 2, HealthState.UP);
        LocalLoadBalancer balancer = fx.provider.loadBalancer("hello");
        int bound = 1 + LocalLoadBalancer.eventLoops();
        assertThat(balancer.threads()).isEqualTo(1);

        // Every client has its own HTTP client, so its own connection: 64 connections at once.
        CountDownLatch allConnected = new CountDownLatch(CONNECTIONS);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger failed = new AtomicInteger();
        List<Future<?>> load = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            load.add(clients.submit(() -> {
                Http http = new Http();
                for (int i = 0; i < REQUESTS_EACH; i++) {
                    if (http.get(lb.address(), "/").status() != 200) {
                        failed.incrementAndGet();
                    }
                    if (i == 0) {
                        allConnected.countDown();
                        release.await();
                    }
                }
                return null;
            }));
        }
        assertThat(allConnected.await(2, TimeUnit.MINUTES)).isTrue();
        long duringBurst = liveThreadsNamed("lb-hello-");
        int countedDuringBurst = balancer.threads();
        release.countDown();
        for (Future<?> f : load) {
            f.get(5, TimeUnit.MINUTES);
        }

        assertThat(failed.get()).isZero();
        assertThat(duringBurst).isBetween(2L, (long) bound);
        assertThat(countedDuringBurst).isBetween(2, bound);
        assertThat(liveThreadsNamed("lb-hello-")).isLessThanOrEqualTo(bound);
        // The load balancer closes client connections idle for 30 s, and an event loop ends 30 s after its last
        // connection. Generous: the wait never decides the result, only the count does.
        Awaitility.await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                .until(() -> balancer.threads() == 1);
        assertThat(liveThreadsNamed("lb-hello-")).isEqualTo(1); // the acceptor
        // The health checks' pool is bounded too.
        assertThat(liveThreadsNamed("local-health-")).isLessThanOrEqualTo(8);
    }
}
