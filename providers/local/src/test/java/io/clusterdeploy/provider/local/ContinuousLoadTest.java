package io.clusterdeploy.provider.local;

import static io.clusterdeploy.provider.local.ProviderFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.model.HealthState;
import io.clusterdeploy.engine.model.LoadBalancer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A red/black switch under continuous load: no request fails, and traffic moves to the new group. */
class ContinuousLoadTest {
    private static final int CLIENTS = 4;

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
        fx.close();
    }

    @Test
    void switchingGroupsUnderLoadFailsNoRequest() throws Exception {
        LoadBalancer lb = fx.loadBalancer("hello");
        fx.deploy("hello-v001", 2, List.of("hello"), SampleApp.command("v1"));
        fx.deploy("hello-v002", 2, List.of("hello"), SampleApp.command("v2"));
        fx.provider.disable("local", "hello-v002", 100);
        fx.awaitAll("hello-v001", 2, HealthState.UP);
        fx.awaitAll("hello-v002", 2, HealthState.OUT_OF_SERVICE);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong done = new AtomicLong();
        AtomicLong v2Answers = new AtomicLong();
        // Requests started after disable(v1) returned must all be answered by v2.
        AtomicBoolean v1Disabled = new AtomicBoolean();
        AtomicInteger v1AfterDisable = new AtomicInteger();
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        List<Future<?>> load = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            load.add(clients.submit(() -> {
                while (running.get()) {
                    boolean afterDisable = v1Disabled.get();
                    Http.Answer answer = fx.http.get(lb.address(), "/");
                    if (answer.status() != 200) {
                        failures.add(answer.status() + " " + answer.body());
                    } else if ("v2".equals(answer.version())) {
                        v2Answers.incrementAndGet();
                    } else if (afterDisable) {
                        v1AfterDisable.incrementAndGet();
                    }
                    done.incrementAndGet();
                }
            }));
        }

        await().until(() -> done.get() >= 200);
        fx.provider.enable("local", "hello-v002");
        await().until(() -> v2Answers.get() >= 50);
        fx.provider.disable("local", "hello-v001", 100);
        v1Disabled.set(true);
        long atDisable = done.get();
        await().until(() -> done.get() >= atDisable + 200);
        running.set(false);
        for (Future<?> f : load) {
            f.get();
        }

        assertThat(failures).isEmpty();
        assertThat(v1AfterDisable.get()).isZero();
        assertThat(fx.states("hello-v001")).containsOnly(HealthState.OUT_OF_SERVICE);
        assertThat(fx.states("hello-v002")).containsOnly(HealthState.UP);
    }
}
