package io.clusterdeploy.provider.local;

import static io.clusterdeploy.provider.local.ProviderFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.model.HealthState;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Health changes are announced to listeners, after the routing has followed them; a closed listener hears nothing. */
class HealthChangeTest {
    @TempDir
    Path stateDir;
    private ProviderFixture fx;

    @BeforeEach
    void start() {
        fx = new ProviderFixture(stateDir);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void aListenerHearsAnInstanceTurnHealthyWithTheRoutingAlreadyFollowing() throws Exception {
        fx.loadBalancer("hello");
        AtomicInteger calls = new AtomicInteger();
        List<HealthState> seen = new CopyOnWriteArrayList<>();
        AutoCloseable subscription = fx.provider.subscribe(() -> {
            calls.incrementAndGet();
            fx.provider.serverGroup("local", "hello-v001").ifPresent(g -> g.instances().forEach(i -> seen.add(i.health())));
        });
        fx.deploy("hello-v001", 1, List.of("hello"), SampleApp.command("v1"));
        await().until(() -> calls.get() >= 1);
        assertThat(seen).contains(HealthState.UP);
        assertThat(fx.provider.loadBalancer("hello").router().snapshot().size()).isEqualTo(1);

        subscription.close();
        int before = calls.get();
        fx.deploy("hello-v002", 1, List.of("hello"), SampleApp.command("v2"));
        fx.awaitAll("hello-v002", 1, HealthState.UP);
        assertThat(calls.get()).isEqualTo(before);
    }
}
