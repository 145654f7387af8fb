package io.clusterdeploy.provider.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reading and writing the JSON values Cluster Deploy keeps in annotations. */
final class Annotations {
    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private Annotations() {
    }

    static Map<String, String> of(HasMetadata o) {
        Map<String, String> a = o.getMetadata().getAnnotations();
        return a == null ? Map.of() : a;
    }

    static Map<String, String> labels(HasMetadata o) {
        Map<String, String> l = o.getMetadata().getLabels();
        return l == null ? Map.of() : l;
    }

    static String get(HasMetadata o, String key) {
        return of(o).get(key);
    }

    static List<String> list(HasMetadata o, String key) {
        String raw = get(o, key);
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        try {
            List<?> parsed = JSON.unmarshal(raw, List.class);
            return parsed.stream().map(String::valueOf).toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    static Map<String, String> map(HasMetadata o, String key) {
        String raw = get(o, key);
        if (raw == null || raw.isBlank()) {
            return Map.of();
        }
        try {
            Map<?, ?> parsed = JSON.unmarshal(raw, Map.class);
            Map<String, String> out = new TreeMap<>();
            parsed.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
            return out;
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    static String json(Object value) {
        return JSON.asJson(value);
    }
}
