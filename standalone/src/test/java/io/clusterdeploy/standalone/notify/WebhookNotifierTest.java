package io.clusterdeploy.standalone.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clusterdeploy.engine.event.EventKind;
import io.clusterdeploy.engine.event.EventStatus;
import io.clusterdeploy.engine.event.OperationEvent;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookNotifierTest {
    private static OperationEvent event(String status) {
        return new OperationEvent(EventKind.OPERATION, EventStatus.valueOf(status.toUpperCase(java.util.Locale.ROOT)), "op-1", "deploy", "local", "hello-prod", null, "main",
                "done", Map.of("newServerGroup", "hello-prod-v001"), Instant.parse("2026-11-27T12:00:00Z"));
    }

    @Test
    void retriesWithBackoffUntilTheReceiverAccepts() throws Exception {
        try (Receiver receiver = new Receiver(n -> n <= 2 ? 503 : 200);
             WebhookNotifier notifier = new WebhookNotifier(
                     List.of(new WebhookConfig(URI.create(receiver.url("/hook")), List.of())), 5, Duration.ofMillis(50))) {
            notifier.accept(event("complete"));
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.bodies.size() == 1);
            assertThat(receiver.calls()).isEqualTo(3);
            assertThat(receiver.bodies.get(0)).contains("\"type\" : \"operation.complete\"")
                    .contains("\"newServerGroup\" : \"hello-prod-v001\"");
        }
    }

    @Test
    void sendsOnlyTheEventsAWebhookAsksFor() throws Exception {
        try (Receiver receiver = new Receiver(n -> 200);
             WebhookNotifier notifier = new WebhookNotifier(List.of(new WebhookConfig(
                     URI.create(receiver.url("/hook")), List.of("operation.failed"))), 5, Duration.ofMillis(50))) {
            notifier.accept(event("complete"));
            notifier.accept(event("failed"));
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.bodies.size() == 1);
            assertThat(receiver.bodies.get(0)).contains("operation.failed");
            assertThat(receiver.calls()).isEqualTo(1);
        }
    }

    @Test
    void anUnreachableReceiverNeverBlocksTheCaller() throws Exception {
        int dead;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            dead = s.getLocalPort();
        }
        try (WebhookNotifier notifier = new WebhookNotifier(List.of(new WebhookConfig(
                URI.create("http://127.0.0.1:" + dead + "/"), List.of())), 3, Duration.ofMillis(10))) {
            // A correctness check, not a timing one: accept() hands off and returns; nothing is awaited.
            for (int i = 0; i < 100; i++) {
                notifier.accept(event("complete"));
            }
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
        }
    }

    @Test
    void webhookCredentialsNeverReachTheLog() throws Exception {
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.err;
        try (Receiver receiver = new Receiver(n -> 503)) {
            String url = receiver.url("/hook?token=t0k3n&team=ops").replace("http://", "http://bot:pa55w0rd@");
            System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
            try (WebhookNotifier notifier = new WebhookNotifier(List.of(new WebhookConfig(URI.create(url), List.of())),
                    2, Duration.ofMillis(10))) {
                notifier.accept(event("complete"));
                await().atMost(Duration.ofSeconds(30)).until(() -> captured.toString(
                        java.nio.charset.StandardCharsets.UTF_8).contains("giving up"));
            }
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(log).contains("http://****@127.0.0.1:").contains("/hook?token=****&team=****")
                .doesNotContain("pa55w0rd").doesNotContain("t0k3n").doesNotContain("bot:");
    }
}
