package io.clusterdeploy.engine.json;

import io.clusterdeploy.engine.error.ClusterDeployException;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine's one JSON configuration: records and plain maps/lists, ISO-8601 times. Parsing
 * never instantiates a type named by the input: requests are read as maps and checked field by
 * field. A key given twice in one object is refused (the last one must not silently win), and
 * numbers with a fraction or exponent are read exactly (as {@link java.math.BigDecimal}), so that a
 * check for a whole number sees what was sent.
 */
public final class Json {
    /**
     * How deep a request may nest. Deploy specs and manifests need a dozen levels; the limit keeps every
     * accepted request far below the parser's own limit once it is stored inside an operation's state.
     */
    public static final int MAX_REQUEST_DEPTH = 64;

    /*
     * Shared by every Json of the process: a Jackson 3 mapper is immutable once built and thread-safe, and each
     * one learns every type it writes anew. A server made 24 of them at start-up, one pair per user of JSON.
     */
    private static final JsonMapper MAPPER = mapper(StreamReadConstraints.defaults());
    private static final JsonMapper REQUESTS = mapper(StreamReadConstraints.builder()
            .maxNestingDepth(MAX_REQUEST_DEPTH).build());

    private final JsonMapper mapper = MAPPER;
    private final JsonMapper requests = REQUESTS;

    private static JsonMapper mapper(StreamReadConstraints constraints) {
        return JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints).build())
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    public String write(Object value) {
        return mapper.writeValueAsString(value);
    }

    /** Without indentation: for the big answers a page reads (the cluster view), where the spaces are a third. */
    public String writeCompact(Object value) {
        return mapper.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
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
            Object parsed = requests.readValue(body, new TypeReference<Object>() { });
            if (!(parsed instanceof Map<?, ?>)) {
                throw ClusterDeployException.invalid("body", "request body must be a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) parsed;
            return map;
        } catch (StreamConstraintsException e) {
            throw ClusterDeployException.invalid("body", "request body is nested more than " + MAX_REQUEST_DEPTH
                    + " levels deep");
        } catch (JacksonException e) {
            throw ClusterDeployException.invalid("body", "malformed JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * How deep plain maps and lists nest ({@code {}} is 1), for requests built in code rather than parsed (a
     * Jenkins step's map): the same limit then holds for them, with room for a store that wraps values.
     */
    public static int depth(Object value) {
        int inner = 0;
        if (value instanceof Map<?, ?> m) {
            for (Object v : m.values()) {
                inner = Math.max(inner, depth(v));
            }
            return inner + 1;
        }
        if (value instanceof java.util.List<?> l) {
            for (Object v : l) {
                inner = Math.max(inner, depth(v));
            }
            return inner + 1;
        }
        return 0;
    }

    /**
     * True when {@code value} reads back from its JSON as the same JSON: what a store writes can then be
     * read again, after a restart too.
     */
    public boolean roundTrips(Object value, Class<?> type) {
        try {
            String once = write(value);
            return once.equals(write(read(once, type)));
        } catch (JacksonException e) {
            return false;
        }
    }
}
