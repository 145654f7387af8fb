package io.jenkins.plugins.clusterdeploy.ui;

import io.clusterdeploy.engine.api.ApiHandler;
import io.clusterdeploy.engine.api.ApiRequest;
import io.clusterdeploy.engine.api.ApiResponse;
import io.clusterdeploy.engine.json.Json;
import java.io.IOException;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Hands requests under {@code /cluster-deploy/api/} to the engine's own API handlers (those the standalone server
 * serves), after what Jenkins adds: the caller's permission was checked by the action, and Jenkins checked the
 * crumb of every POST. Here: the path, JSON bodies of at most 1 MiB on POSTs, and a 503 while no engine runs.
 */
public final class ApiGateway {
    static final int MAX_BODY_CHARS = 1 << 20;

    private final Supplier<Optional<ApiHandler>> handler;
    private final Json json = new Json();

    public ApiGateway(Supplier<Optional<ApiHandler>> handler) {
        this.handler = handler;
    }

    /** A read (GET): {@code restOfPath} such as {@code /applications/hello/clusters}. */
    public ApiResponse read(String restOfPath, Map<String, List<String>> query) {
        return dispatch(new ApiRequest("GET", path(restOfPath), query, null));
    }

    /** A change (POST) with a JSON body. */
    public ApiResponse write(String restOfPath, String contentType, Reader body) throws IOException {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return error(415, "UNSUPPORTED_MEDIA_TYPE", "Content-Type must be application/json");
        }
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        int n;
        while ((n = body.read(buffer)) >= 0) {
            text.append(buffer, 0, n);
            if (text.length() > MAX_BODY_CHARS) {
                return error(413, "TOO_LARGE", "the request body is larger than 1 MiB");
            }
        }
        return dispatch(new ApiRequest("POST", path(restOfPath), Map.of(), text.toString()));
    }

    private ApiResponse dispatch(ApiRequest request) {
        return handler.get().map(h -> h.handle(request))
                .orElseGet(() -> error(503, "UNAVAILABLE", "the Cluster Deploy engine is not running"));
    }

    private static String path(String restOfPath) {
        if (restOfPath == null || restOfPath.isEmpty()) {
            return "/";
        }
        return restOfPath.startsWith("/") ? restOfPath : "/" + restOfPath;
    }

    private ApiResponse error(int status, String kind, String message) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("status", status);
        e.put("error", kind);
        e.put("field", null);
        e.put("message", message);
        return new ApiResponse(status, json.write(e));
    }
}
