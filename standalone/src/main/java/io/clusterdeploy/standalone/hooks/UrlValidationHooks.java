package io.clusterdeploy.standalone.hooks;

import io.clusterdeploy.engine.deploy.ValidationHook;
import io.clusterdeploy.engine.deploy.ValidationHooks;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Fields;
import io.clusterdeploy.engine.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rolling red/black's validation hook for the standalone server: {@code {"url": "http://..."}}
 * receives a POST with the operation id, the new server group and the percentage complete; a
 * 2xx answer lets the roll continue, anything else fails it.
 */
public final class UrlValidationHooks implements ValidationHooks {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Json json = new Json();

    @Override
    public ValidationHook resolve(String field, Map<String, Object> settings) {
        Fields f = new Fields(field, settings);
        String raw = f.requiredString("url");
        int timeout = f.optionalInt("timeoutSec", 60, 1, 3600);
        f.rejectUnknown();
        URI url;
        try {
            url = URI.create(raw);
        } catch (IllegalArgumentException e) {
            throw ClusterDeployException.invalid(f.path("url"), f.path("url") + " is not a URL: " + e.getMessage());
        }
        if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
            throw ClusterDeployException.invalid(f.path("url"), f.path("url") + " must be an http or https URL");
        }
        return (operationId, serverGroup, percentage) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("operationId", operationId);
            body.put("serverGroup", serverGroup);
            body.put("percentageComplete", percentage);
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(url)
                    .timeout(Duration.ofSeconds(timeout))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.write(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                String text = r.body() == null ? "" : r.body().strip();
                throw new IllegalStateException(url + " answered HTTP " + r.statusCode()
                        + (text.isEmpty() ? "" : ": " + (text.length() > 200 ? text.substring(0, 200) : text)));
            }
        };
    }
}
