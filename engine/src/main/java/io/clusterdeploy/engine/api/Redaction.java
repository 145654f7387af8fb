package io.clusterdeploy.engine.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Masks request values that may hold secrets before they are shown: environment maps given to
 * processes, and anything under a key that names a password, secret or token. The stored request
 * keeps them (a resumed operation needs them); only views are masked.
 */
final class Redaction {
    static final String MASK = "****";
    private static final Pattern SENSITIVE = Pattern.compile("(?i).*(password|passwd|secret|token|credential).*");

    private Redaction() {
    }

    static Object redact(Object value) {
        return redact(null, value);
    }

    private static Object redact(String key, Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            boolean env = "env".equalsIgnoreCase(key);
            map.forEach((k, v) -> out.put(String.valueOf(k), env ? MASK : redact(String.valueOf(k), v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> redact(key, v)).toList();
        }
        if (key != null && value != null && SENSITIVE.matcher(key).matches()) {
            return MASK;
        }
        return value;
    }
}
