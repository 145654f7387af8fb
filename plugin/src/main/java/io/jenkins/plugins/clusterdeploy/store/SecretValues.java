package io.jenkins.plugins.clusterdeploy.store;

import io.clusterdeploy.engine.secret.Redaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Where a request holds secrets: every value of an {@code env} map, and the whole value under a key that the
 * engine's one rule ({@link Redaction#isSensitive}) names secret. That covers every value the engine's API masks
 * in its views, and more: a map under such a key is sealed whole, where the views mask only its own sensitive keys. {@code SealedOperationStoreTest}
 * checks against the engine's views that no masked value is left unsealed.
 */
final class SecretValues {
    /** The key of a sealed value: {@code {"$sealed": "..."}} stands for one secret value. */
    static final String SEALED = "$sealed";

    private SecretValues() {
    }

    /** True for a value in the sealed form. */
    static boolean isSealed(Object v) {
        return v instanceof Map<?, ?> m && m.size() == 1 && m.get(SEALED) instanceof String;
    }

    /**
     * A copy of {@code request} with {@code onSecret} applied to each secret value, whole, with its path
     * ({@code spec.env.DB_PASSWORD}, {@code hooks[1].token}).
     */
    static Object map(Object request, BiFunction<String, Object, Object> onSecret) {
        return map("", null, request, onSecret);
    }

    private static Object map(String path, String key, Object value, BiFunction<String, Object, Object> onSecret) {
        if (key != null && value != null && Redaction.isSensitive(key)) {
            return onSecret.apply(path, value);
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            boolean env = "env".equalsIgnoreCase(key);
            m.forEach((k, v) -> {
                String name = String.valueOf(k);
                String at = path.isEmpty() ? name : path + "." + name;
                out.put(name, env ? (v == null ? null : onSecret.apply(at, v)) : map(at, name, v, onSecret));
            });
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                out.add(map(path + "[" + i + "]", key, list.get(i), onSecret));
            }
            return out;
        }
        return value;
    }
}
