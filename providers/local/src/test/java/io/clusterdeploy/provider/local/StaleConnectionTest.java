package io.clusterdeploy.provider.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.model.HealthState;
import io.clusterdeploy.engine.model.LoadBalancer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Instances that close kept-alive connections soon (idle for a second) and often (past two idle ones,
 * right after an answer, without saying so) behind the load balancer under load: a pooled connection is
 * often closed just as a request takes it, and no request fails for that.
 */
class StaleConnectionTest {
    private static final int CLIENTS = 8;
    private static final int ROUNDS = 4;
    private static final int REQUESTS_PER_ROUND = 100;

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
    void instancesClosingKeptAliveConnectionsFailNoRequest() throws Exception {
        LoadBalancer lb = fx.loadBalancer("hello");
        fx.deploy("hello-v001", 2, List.of("hello"),
                SampleApp.command("v1", "--idle-timeout-seconds", "1", "--max-idle-connections", "2"));
        fx.awaitAll("hello-v001", 2, HealthState.UP);
        URI uri = URI.create("http://" + lb.address() + "/");
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicLong gets = new AtomicLong();
        AtomicLong posts = new AtomicLong();
        List<Future<?>> load = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            load.add(clients.submit(() -> {
                HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                for (int round = 0; round < ROUNDS; round++) {
                    for (int i = 0; i < REQUESTS_PER_ROUND; i++) {
                        boolean post = i % 10 == 9;
                        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
                        if (post) {
                            request.POST(HttpRequest.BodyPublishers.ofString("a=1"));
                        } else if (i % 10 == 4) {
                            request.method("HEAD", HttpRequest.BodyPublishers.noBody());
                        }
                        int expected = post ? 405 : 200; // the sample app answers only GET and HEAD
                        try {
                            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() != expected) {
                                failures.add(r.statusCode() + " " + r.body());
                            }
                        } catch (IOException e) {
                            failures.add(e.toString());
                        }
                        (post ? posts : gets).incrementAndGet();
                    }
                    // Long enough for the instances' idle timeout to close what the load balancer keeps pooled.
                    Thread.sleep(1_200);
                }
                return null;
            }));
        }
        for (Future<?> f : load) {
            f.get(5, TimeUnit.MINUTES);
        }

        assertThat(failures).isEmpty();
        assertThat(gets.get() + posts.get()).isEqualTo((long) CLIENTS * ROUNDS * REQUESTS_PER_ROUND);
        LocalLoadBalancer balancer = fx.provider.loadBalancer("hello");
        // The instances did close connections under the load balancer: it pools at most one connection per client
        // and instance (EventLoop.idleLimit), so had they kept them, no round would have opened more than that;
        // far more were opened, within rounds, and requests that found their pooled connection closed were sent again.
        long poolable = 2L * EventLoop.idleLimit(CLIENTS);
        assertThat(balancer.backendConnectionsOpened()).isGreaterThan(ROUNDS * poolable);
        assertThat(balancer.retries()).isPositive();
    }
}
