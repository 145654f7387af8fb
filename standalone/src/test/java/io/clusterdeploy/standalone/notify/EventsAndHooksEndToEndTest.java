package io.clusterdeploy.standalone.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.operation.OperationStatus;
import io.clusterdeploy.standalone.config.AccountConfig;
import io.clusterdeploy.standalone.config.StandaloneConfig;
import io.clusterdeploy.standalone.demo.SampleAppCommand;
import io.clusterdeploy.standalone.hooks.HookHosts;
import io.clusterdeploy.standalone.server.StandaloneServer;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rolling deploy on the real server: its validation URL is called per step and webhooks get the events. */
class EventsAndHooksEndToEndTest {
    @TempDir
    Path tmp;

    @Test
    void validationUrlGatesEachStepAndWebhooksReceiveTheEvents() throws Exception {
        try (Receiver webhook = new Receiver(n -> 200);
             Receiver validator = new Receiver(n -> n == 2 ? 500 : 200)) {
            StandaloneConfig config = new StandaloneConfig(tmp, List.of(new AccountConfig("local", "local",
                    Map.of("stateDir", tmp.resolve("local").toString(), "healthCheckIntervalMillis", 100))),
                    List.of(), List.of(new WebhookConfig(URI.create(webhook.url("/events")),
                    List.of("operation.complete", "operation.failed", "step.failed"))), HookHosts.loopbackOnly());
            try (StandaloneServer server = StandaloneServer.start(config, "test", 0)) {
                int lbPort;
                try (ServerSocket s = new ServerSocket(0)) {
                    lbPort = s.getLocalPort();
                }
                var ops = server.engine().operations();
                assertThat(ops.awaitFinished(ops.start(Map.of("type", "upsertLoadBalancer", "account", "local",
                        "name", "hello-prod", "spec", Map.of("port", lbPort))).id(), Duration.ofSeconds(60)).status())
                        .isEqualTo(OperationStatus.SUCCEEDED);
                Map<String, Object> v1 = deploy("none", "v1");
                assertThat(ops.awaitFinished(ops.start(v1).id(), Duration.ofSeconds(120)).status())
                        .isEqualTo(OperationStatus.SUCCEEDED);

                Map<String, Object> v2 = deploy("rollingredblack", "v2");
                v2.put("validation", Map.of("url", validator.url("/check")));
                v2.put("rollback", Map.of("onFailure", true));
                OperationState done = ops.awaitFinished(ops.start(v2).id(), Duration.ofSeconds(120));

                // The validator refused its second call (100%): the roll stopped and rolled back.
                assertThat(done.status()).isEqualTo(OperationStatus.FAILED);
                assertThat(done.error().message()).contains("validation at 100% failed").contains("HTTP 500");
                assertThat(validator.calls()).isEqualTo(2);
                assertThat(validator.bodies.get(0)).contains("\"percentageComplete\" : 50")
                        .contains("hello-prod-v001");
                assertThat(server.engine().accounts().get("local").serverGroup("local", "hello-prod-v000")
                        .orElseThrow().enabled()).isTrue();

                await().atMost(Duration.ofSeconds(30)).until(() -> webhook.bodies.stream()
                        .anyMatch(b -> b.contains("operation.failed") && b.contains(done.id())));
                assertThat(webhook.bodies).anyMatch(b -> b.contains("operation.complete"));
                assertThat(webhook.bodies).anyMatch(b -> b.contains("step.failed") && b.contains("validate(100%)"));
            }
        }
    }

    private static Map<String, Object> deploy(String strategy, String version) {
        Map<String, Object> r = new HashMap<>();
        r.put("type", "deploy");
        r.put("account", "local");
        r.put("application", "hello");
        r.put("stack", "prod");
        r.put("strategy", strategy);
        r.put("capacity", Map.of("min", 2, "desired", 2, "max", 2));
        r.put("loadBalancers", List.of("hello-prod"));
        r.put("spec", SampleAppCommand.spec(version));
        return r;
    }
}
