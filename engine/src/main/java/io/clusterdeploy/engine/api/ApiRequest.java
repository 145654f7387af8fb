package io.clusterdeploy.engine.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP request reduced to what the API needs, so the same handlers serve the standalone
 * server and the Jenkins binding. Authentication, CSRF and permission checks happen in the front
 * end before a request gets here.
 *
 * @param method HTTP method, upper case
 * @param path   path below the API root, starting with {@code /} (e.g. {@code /accounts})
 * @param query  query parameters
 * @param body   request body (JSON) or null
 * @param actor  who sends it, as the front end authenticated them (a Jenkins user, the standalone's API token or
 *               session); recorded as {@code startedBy} on the operations it starts; null when unknown
 * @param ifNoneMatch the {@code If-None-Match} header of a read: the ETag the client holds, or null
 */
public record ApiRequest(String method, String path, Map<String, List<String>> query, String body, String actor,
                         String ifNoneMatch) {
    public ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = query == null ? Map.of() : Map.copyOf(query);
    }

    /** Without an actor. */
    public ApiRequest(String method, String path, Map<String, List<String>> query, String body) {
        this(method, path, query, body, null, null);
    }

    public ApiRequest(String method, String path, Map<String, List<String>> query, String body, String actor) {
        this(method, path, query, body, actor, null);
    }

    /** The same request from {@code who}. */
    public ApiRequest by(String who) {
        return new ApiRequest(method, path, query, body, who, ifNoneMatch);
    }

    /** The same request, conditional on the client's ETag. */
    public ApiRequest ifNoneMatch(String etag) {
        return new ApiRequest(method, path, query, body, actor, etag);
    }

    public static ApiRequest get(String path) {
        return new ApiRequest("GET", path, Map.of(), null);
    }

    public static ApiRequest post(String path, String body) {
        return new ApiRequest("POST", path, Map.of(), body);
    }

    /** First value of a query parameter, or null. */
    public String param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public boolean isMutating() {
        return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
    }
}
