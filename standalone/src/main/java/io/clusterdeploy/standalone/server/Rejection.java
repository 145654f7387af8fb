package io.clusterdeploy.standalone.server;

import io.clusterdeploy.engine.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refused request, answered in the engine's error shape
 * {@code {"status":..,"error":"..","field":..,"message":".."}}.
 *
 * @param status  HTTP status
 * @param error   error kind, e.g. {@code UNAUTHORIZED}
 * @param field   the header or part of the request at fault, or null
 * @param message what to fix; never contains a secret
 */
public record Rejection(int status, String error, String field, String message) {

    public String toJson(Json json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status);
        m.put("error", error);
        m.put("field", field);
        m.put("message", message);
        return json.write(m);
    }
}
