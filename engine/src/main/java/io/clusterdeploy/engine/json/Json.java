package io.clusterdeploy.engine.json;

import io.clusterdeploy.engine.error.ClusterDeployException;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine's one JSON configuration: records and plain maps/lists, ISO-8601 times. Parsing
 * never instantiates a type named by the input: requests are read as maps and checked field by
 * field.
 */
public final class Json {
    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public String write(Object value) {
        return mapper.writeValueAsString(value);
    }

    public <T> T read(String json, Class<T> type) {
        return mapper.readValue(json, type);
    }

    /** Converts a record or map to plain maps and lists (for embedding in other JSON). */
    public Object toPlain(Object value) {
        return mapper.convertValue(value, Object.class);
    }

    /** Parses a request body that must be a JSON object; a clear 400 otherwise. */
    public Map<String, Object> readObject(String body) {
        if (body == null || body.isBlank()) {
            throw ClusterDeployException.invalid("body", "request body must be a JSON object");
        }
        try {
            Object parsed = mapper.readValue(body, new TypeReference<Object>() { });
            if (!(parsed instanceof Map<?, ?>)) {
                throw ClusterDeployException.invalid("body", "request body must be a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) parsed;
            return map;
        } catch (JacksonException e) {
            throw ClusterDeployException.invalid("body", "malformed JSON: " + e.getOriginalMessage());
        }
    }
}
