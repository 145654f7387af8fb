package io.clusterdeploy.standalone.notify;

import io.clusterdeploy.engine.event.OperationEvent;
import io.clusterdeploy.engine.json.Json;
import io.clusterdeploy.engine.secret.Redaction;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts operation events to webhooks, like Spinnaker's Echo. Delivery is asynchronous and
 * bounded: an operation never waits for a receiver, failed posts are retried with exponential
 * backoff, and when too many are pending the newest are dropped with a warning.
 */
public final class WebhookNotifier implements Consumer<OperationEvent>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookNotifier.class);
    private static final int MAX_PENDING = 1000;

    private final List<WebhookConfig> hooks;
    private final int maxAttempts;
    private final Duration firstBackoff;
    /** Made at the first delivery: building one sets up TLS, which a server without hooks never needs (start-up, issue 14). */
    private HttpClient client;
    private final ScheduledExecutorService executor;
    private final AtomicInteger pending = new AtomicInteger();
    private final Json json = new Json();

    public WebhookNotifier(List<WebhookConfig> hooks, int maxAttempts, Duration firstBackoff) {
        this.hooks = List.copyOf(hooks);
        this.maxAttempts = maxAttempts;
        this.firstBackoff = firstBackoff;
        ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(2, r -> {
            Thread t = new Thread(r, "webhooks");
            t.setDaemon(true);
            return t;
        });
        ex.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.executor = ex;
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        }
        return client;
    }

    public static WebhookNotifier of(List<WebhookConfig> hooks) {
        return new WebhookNotifier(hooks, 5, Duration.ofMillis(500));
    }

    @Override
    public void accept(OperationEvent event) {
        for (WebhookConfig hook : hooks) {
            if (!hook.wants(event.type())) {
                continue;
            }
            if (pending.incrementAndGet() > MAX_PENDING) {
                pending.decrementAndGet();
                LOG.warn("webhook {}: too many events pending, dropping {}", Redaction.url(hook.url()), event.type());
                continue;
            }
            String body = json.write(payload(event));
            executor.execute(() -> deliver(hook, body, event.type(), 1));
        }
    }

    static Map<String, Object> payload(OperationEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", e.type());
        m.put("operationId", e.operationId());
        m.put("operationType", e.operationType());
        m.put("account", e.account());
        m.put("cluster", e.cluster());
        m.put("step", e.step());
        m.put("phase", e.phase());
        m.put("message", e.message());
        m.put("context", e.context());
        m.put("time", e.time().toString());
        return m;
    }

    private void deliver(WebhookConfig hook, String body, String type, int attempt) {
        boolean done;
        String why;
        try {
            HttpResponse<Void> r = client().send(HttpRequest.newBuilder(hook.url())
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            done = r.statusCode() / 100 == 2;
            why = "HTTP " + r.statusCode();
        } catch (java.io.IOException e) {
            done = false;
            why = e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.decrementAndGet();
            return;
        }
        if (done) {
            pending.decrementAndGet();
        } else if (attempt >= maxAttempts || executor.isShutdown()) {
            pending.decrementAndGet();
            LOG.warn("webhook {}: giving up on {} after {} attempts ({})", Redaction.url(hook.url()), type, attempt, why);
        } else {
            long delay = firstBackoff.toMillis() << (attempt - 1);
            executor.schedule(() -> deliver(hook, body, type, attempt + 1), delay, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
