package io.clusterdeploy.standalone.demo;

import io.clusterdeploy.engine.api.ApiResponse;
import io.clusterdeploy.engine.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A client of the standalone API over real HTTP, as any script would use it. */
public final class ApiClient {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(200);

    private final String apiRoot;
    private final String token;
    private final HttpClient http;
    private final Json json = new Json();

    /** @param apiRoot e.g. {@code http://127.0.0.1:7070/api} */
    public ApiClient(String apiRoot, String token) {
        this.apiRoot = apiRoot;
        this.token = token;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** POST /operations; the accepted operation. */
    public Map<String, Object> startOperation(Map<String, Object> request) {
        HttpRequest post = HttpRequest.newBuilder(URI.create(apiRoot + "/operations"))
                .timeout(CALL_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", ApiResponse.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(json.write(request)))
                .build();
        HttpResponse<String> r = send(post);
        if (r.statusCode() != 202) {
            throw new DemoException("POST /operations answered " + r.statusCode() + ": " + r.body());
        }
        return json.readObject(r.body());
    }

    public Map<String, Object> operation(String id) {
        return json.readObject(get("/operations/" + URLEncoder.encode(id, StandardCharsets.UTF_8)));
    }

    /** Polls until the operation ends or {@code timeout} passes; the last state either way. */
    public Map<String, Object> awaitOperation(String id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<String, Object> op = operation(id);
            if (!"RUNNING".equals(op.get("status")) || System.nanoTime() > deadline) {
                return op;
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    public List<Map<String, Object>> clusters(String application) {
        return list(get("/applications/" + URLEncoder.encode(application, StandardCharsets.UTF_8) + "/clusters"));
    }

    public List<Map<String, Object>> loadBalancers() {
        return list(get("/loadBalancers"));
    }

    private String get(String path) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(apiRoot + path)).timeout(CALL_TIMEOUT).GET().build());
        if (r.statusCode() != 200) {
            throw new DemoException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> list(String body) {
        return (List<Map<String, Object>>) json.read(body, List.class);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DemoException(request.method() + " " + request.uri().getPath() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException("interrupted", e);
        }
    }
}
