package io.clusterdeploy.standalone.notify;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Where to POST operation events.
 *
 * @param url    http(s) URL
 * @param events event types to send ({@code operation.complete}, {@code step.failed} ...), empty = all
 */
public record WebhookConfig(URI url, List<String> events) {
    public WebhookConfig {
        Objects.requireNonNull(url, "url");
        events = List.copyOf(events);
    }

    public boolean wants(String type) {
        return events.isEmpty() || events.contains(type);
    }
}
