package io.clusterdeploy.engine.canary.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to ask a metric source for: the source's type ({@code local}, {@code prometheus},
 * {@code cloudwatch}, …) and its query fields as the config gave them, e.g. {@code {query: "…"}}
 * or Kayenta's {@code {metricName, labelBindings, customInlineTemplate, …}}. Each source reads
 * and validates its own fields ({@link MetricSource#validate}).
 *
 * @param source the {@link MetricSource#type()} that answers it
 * @param fields immutable, strings as {@link String} (a Groovy GString is converted)
 */
public record MetricQuery(String source, Map<String, Object> fields) {
    public MetricQuery {
        Objects.requireNonNull(source, "source");
        fields = immutableMap(fields == null ? Map.of() : fields);
    }

    public static MetricQuery of(String source, String query) {
        return new MetricQuery(source, Map.of("query", query));
    }

    /** A string field, or null when absent. */
    public String string(String key) {
        Object v = fields.get(key);
        return v == null ? null : v.toString();
    }

    private static Map<String, Object> immutableMap(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), immutable(v)));
        return Collections.unmodifiableMap(copy);
    }

    private static Object immutable(Object v) {
        if (v instanceof Map<?, ?> m) {
            return immutableMap(m);
        }
        if (v instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            for (Object item : list) {
                copy.add(immutable(item));
            }
            return Collections.unmodifiableList(copy);
        }
        if (v instanceof CharSequence s) {
            return s.toString();
        }
        return v;
    }
}
