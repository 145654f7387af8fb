package io.clusterdeploy.provider.kubernetes.manifest;

import io.clusterdeploy.engine.error.ClusterDeployException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads a manifest given as YAML or JSON text (JSON is YAML) into plain maps, lists and scalars, and nothing else.
 * snakeyaml-engine never builds a class a tag names: {@code !!javax.script.ScriptEngineManager} and every other
 * unknown tag fail in its constructor, which is what made the suspended kubernetes-cd plugin exploitable. The limits
 * refuse oversized input and alias bombs; the copy refuses the standard non-plain types ({@code !!binary},
 * {@code !!set}) and self-references. Maps that arrive already parsed (from a JSON request) go through the same copy.
 */
public final class SafeManifest {
    /** Far above any real pod template, far below what could hurt: 256 KiB of text. */
    public static final int MAX_CODE_POINTS = 256 * 1024;
    /** Nesting deeper than any Kubernetes object has. */
    public static final int MAX_DEPTH = 64;
    /** Distinct nodes in one manifest, counted after alias expansion. */
    public static final int MAX_NODES = 20_000;
    private static final int MAX_COLLECTION_ALIASES = 10;

    private SafeManifest() {
    }

    /**
     * Parses one YAML or JSON document into a map.
     *
     * @throws ClusterDeployException INVALID_INPUT naming {@code field} (and the line, when known)
     */
    public static Map<String, Object> parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw ClusterDeployException.invalid(field, field + " is empty");
        }
        if (text.codePointCount(0, text.length()) > MAX_CODE_POINTS) {
            throw ClusterDeployException.invalid(field, field + " is larger than " + (MAX_CODE_POINTS / 1024)
                    + " KiB; a manifest of that size is not a pod template");
        }
        LoadSettings settings = LoadSettings.builder()
                .setLabel(field)
                .setSchema(new CoreSchema())
                .setAllowDuplicateKeys(false)
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(MAX_COLLECTION_ALIASES)
                .setCodePointLimit(MAX_CODE_POINTS + 1)
                .setEnvConfig(Optional.empty())
                .build();
        Object raw;
        try {
            Load load = new Load(settings);
            List<Object> documents = new ArrayList<>();
            load.loadAllFromString(text).forEach(documents::add);
            documents.removeIf(d -> d == null);
            if (documents.size() != 1) {
                throw ClusterDeployException.invalid(field, field + " must hold exactly one document, found "
                        + documents.size());
            }
            raw = documents.get(0);
        } catch (MarkedYamlEngineException e) {
            throw ClusterDeployException.invalid(field, field + position(e) + ": " + problem(e));
        } catch (YamlEngineException e) {
            throw ClusterDeployException.invalid(field, field + ": " + e.getMessage());
        }
        if (!(raw instanceof Map<?, ?>)) {
            throw ClusterDeployException.invalid(field, field + " must be an object (a Kubernetes manifest)");
        }
        return plainMap(field, raw);
    }

    /** A copy of an already parsed value as plain maps, lists and scalars; refuses anything else. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> plainMap(String field, Object value) {
        if (!(value instanceof Map<?, ?>)) {
            throw ClusterDeployException.invalid(field, field + " must be an object");
        }
        int[] nodes = {0};
        return (Map<String, Object>) copy(field, value, 0, nodes, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static Object copy(String path, Object value, int depth, int[] nodes, Set<Object> ancestors) {
        if (++nodes[0] > MAX_NODES) {
            throw ClusterDeployException.invalid(path, path + ": the manifest has more than " + MAX_NODES + " values");
        }
        if (depth > MAX_DEPTH) {
            throw ClusterDeployException.invalid(path, path + ": nested deeper than " + MAX_DEPTH + " levels");
        }
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof BigInteger || value instanceof Double) {
            return value;
        }
        if (value instanceof Float || value instanceof Short || value instanceof Byte) {
            return ((Number) value).doubleValue();
        }
        if (!(value instanceof Map<?, ?>) && !(value instanceof List<?>)) {
            throw ClusterDeployException.invalid(path, path + ": only objects, lists, text, numbers, true/false and"
                    + " null are allowed, found " + describe(value));
        }
        if (!ancestors.add(value)) {
            throw ClusterDeployException.invalid(path, path + ": a value may not contain itself");
        }
        try {
            if (value instanceof Map<?, ?> map) {
                Map<String, Object> out = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!(e.getKey() instanceof String key)) {
                        throw ClusterDeployException.invalid(path, path + ": keys must be text, found "
                                + describe(e.getKey()) + " (quote it)");
                    }
                    out.put(key, copy(path + "." + key, e.getValue(), depth + 1, nodes, ancestors));
                }
                return out;
            }
            List<?> list = (List<?>) value;
            List<Object> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                out.add(copy(path + "[" + i + "]", list.get(i), depth + 1, nodes, ancestors));
            }
            return out;
        } finally {
            ancestors.remove(value);
        }
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof byte[]) {
            return "binary data (!!binary)";
        }
        if (value instanceof Set<?>) {
            return "a set (!!set)";
        }
        return value.getClass().getSimpleName();
    }

    private static String position(MarkedYamlEngineException e) {
        Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
        return mark.map(m -> ": line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1)).orElse("");
    }

    private static String problem(MarkedYamlEngineException e) {
        String problem = e.getProblem();
        String context = e.getContext();
        if (problem == null || problem.isBlank()) {
            return context == null ? "invalid YAML" : context;
        }
        return context == null || context.isBlank() ? problem : problem + " (" + context + ")";
    }
}
