package io.clusterdeploy.standalone.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.clusterdeploy.engine.deploy.ValidationHook;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Fields;
import io.clusterdeploy.standalone.notify.Receiver;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.util.Promise;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Validation hooks reach only what the configuration allows, follow no redirect and never echo a body. */
class UrlValidationHooksTest {
    private final UrlValidationHooks hooks = new UrlValidationHooks(HookHosts.loopbackOnly());

    @AfterEach
    void close() {
        hooks.close();
    }

    private static HookHosts configured(String... entries) {
        return HookHosts.parse(new Fields("validationHooks", Map.of("allowedHosts", List.of(entries))));
    }

    @Test
    void aHostThatIsNotLoopbackIsRefusedWhenTheRequestComesIn() {
        for (String url : List.of("http://169.254.169.254/latest/meta-data", "http://10.0.0.7:8080/check",
                "https://hooks.example.com/x", "http://[fd00::1]/x", "http://0x7f000001.example/x")) {
            assertThatThrownBy(() -> hooks.resolve("validation", Map.of("url", url)))
                    .isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                        assertThat(e.field()).isEqualTo("validation.url");
                        assertThat(e.getMessage()).contains("not allowed").contains("validationHooks.allowedHosts");
                    });
        }
        assertThat(hooks.resolve("validation", Map.of("url", "http://127.0.0.1:9/x"))).isNotNull();
        assertThat(hooks.resolve("validation", Map.of("url", "http://localhost:9/x"))).isNotNull();
        assertThat(hooks.resolve("validation", Map.of("url", "http://[::1]:9/x"))).isNotNull();
    }

    @Test
    void theConfigurationCanAllowHostsAndNetworks() {
        HookHosts hosts = configured("hooks.example.com", "10.1.0.0/16", "192.0.2.9");
        assertThat(hosts.allowsHost("hooks.example.com")).isTrue();
        assertThat(hosts.allowsHost("10.1.200.3")).isTrue();
        assertThat(hosts.allowsHost("10.2.0.1")).isFalse();
        assertThat(hosts.allowsHost("192.0.2.9")).isTrue();
        assertThat(hosts.allowsHost("other.example.com")).isFalse();
        assertThatThrownBy(() -> configured("not a host"))
                .isInstanceOfSatisfying(ClusterDeployException.class,
                        e -> assertThat(e.field()).isEqualTo("validationHooks.allowedHosts[0]"));
        assertThatThrownBy(() -> configured("10.0.0.0/33")).isInstanceOf(ClusterDeployException.class);
    }

    @Test
    void everyConnectionIsCheckedOnTheAddressItResolvesTo() throws Exception {
        HookAddressResolver resolver = new HookAddressResolver(HookHosts.loopbackOnly());
        CompletableFuture<List<InetSocketAddress>> refused = new CompletableFuture<>();
        resolver.resolve("192.0.2.2", 80, Map.of(), Promise.from(refused::complete, refused::completeExceptionally));
        assertThat(refused).failsWithin(java.time.Duration.ofSeconds(5))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withMessageContaining("192.0.2.2").withMessageContaining("does not allow");
        CompletableFuture<List<InetSocketAddress>> allowed = new CompletableFuture<>();
        resolver.resolve("localhost", 80, Map.of(), Promise.from(allowed::complete, allowed::completeExceptionally));
        assertThat(allowed.get()).isNotEmpty().allSatisfy(a -> assertThat(a.getAddress().isLoopbackAddress()).isTrue());
    }

    @Test
    void aRedirectIsNotFollowedAndFailsTheValidation() throws Exception {
        try (Receiver target = new Receiver(n -> 200)) {
            HttpServer redirecting = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
            redirecting.createContext("/", ex -> {
                ex.getResponseHeaders().add("Location", target.url("/elsewhere"));
                ex.sendResponseHeaders(302, -1);
                ex.close();
            });
            redirecting.start();
            try {
                ValidationHook hook = hooks.resolve("validation",
                        Map.of("url", "http://127.0.0.1:" + redirecting.getAddress().getPort() + "/check"));
                assertThatThrownBy(() -> hook.validate("op-1", "hello-v001", 50)).hasMessageContaining("HTTP 302");
                assertThat(target.calls()).isZero();
            } finally {
                redirecting.stop(0);
            }
        }
    }

    @Test
    void aFailureSaysTheStatusNeverTheBody() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        server.createContext("/", ex -> {
            calls.incrementAndGet();
            byte[] body = "internal: db password is hunter2".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(503, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            ValidationHook hook = hooks.resolve("validation", Map.of("url", "http://user:pw@127.0.0.1:"
                    + server.getAddress().getPort() + "/check?token=t0k"));
            assertThatThrownBy(() -> hook.validate("op-1", "hello-v001", 50))
                    .hasMessageContaining("HTTP 503").hasMessageNotContaining("hunter2")
                    .hasMessageNotContaining("pw@").hasMessageNotContaining("t0k");
            assertThat(calls.get()).isEqualTo(1);
        } finally {
            server.stop(0);
        }
    }
}
