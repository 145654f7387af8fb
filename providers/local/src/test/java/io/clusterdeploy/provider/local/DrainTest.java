package io.clusterdeploy.provider.local;

import static io.clusterdeploy.provider.local.ProviderFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.model.HealthState;
import io.clusterdeploy.engine.model.Instance;
import io.clusterdeploy.engine.model.LoadBalancer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Taking instances out of rotation waits for the requests they are serving. */
class DrainTest {
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

    /** Sends one request through the load balancer and returns once the instance is serving it. */
    private CompletableFuture<Http.Answer> slowRequestInFlight(LoadBalancer lb, Instance instance) {
        CompletableFuture<Http.Answer> answer = CompletableFuture.supplyAsync(() -> fx.http.get(lb.address(), "/"));
        await().until(() -> fx.http.get(instance.address(), "/metrics").body().contains("requests_total{version=\"v1\"} 1\n"));
        return answer;
    }

    @Test
    void disableReturnsOnlyAfterInFlightRequestsCompleted() throws Exception {
        LoadBalancer lb = fx.loadBalancer("hello");
        fx.deploy("hello-v001", 1, List.of("hello"), SampleApp.command("v1", "--latency-ms", "1500"));
        fx.awaitAll("hello-v001", 1, HealthState.UP);
        Instance instance = fx.group("hello-v001").instances().get(0);
        CompletableFuture<Http.Answer> answer = slowRequestInFlight(lb, instance);

        fx.provider.disable("local", "hello-v001", 100);
        // Had disable not waited, killing the instance now would cut the request (502).
        ProcessHandle.of(Processes.pidOf(instance.id()).orElseThrow()).orElseThrow().destroyForcibly();

        Http.Answer result = answer.get(30, TimeUnit.SECONDS);
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.instance()).isEqualTo(instance.id());
    }

    @Test
    void destroyDrainsBeforeStoppingTheProcess() throws Exception {
        LoadBalancer lb = fx.loadBalancer("hello");
        // Longer than the sample app's own 2 s shutdown grace: only the provider's drain can save this request.
        fx.deploy("hello-v001", 1, List.of("hello"), SampleApp.command("v1", "--latency-ms", "3500"));
        fx.awaitAll("hello-v001", 1, HealthState.UP);
        Instance instance = fx.group("hello-v001").instances().get(0);
        long pid = Processes.pidOf(instance.id()).orElseThrow();
        CompletableFuture<Http.Answer> answer = slowRequestInFlight(lb, instance);

        fx.provider.destroy("local", "hello-v001");

        assertThat(Processes.alive(pid)).isFalse();
        Http.Answer result = answer.get(30, TimeUnit.SECONDS);
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.instance()).isEqualTo(instance.id());
        assertThat(fx.http.get(lb.address(), "/").status()).isEqualTo(503);
    }
}
