package io.clusterdeploy.standalone.config;

import io.clusterdeploy.engine.error.ClusterDeployException;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Parses YAML into plain maps, lists and scalars, and nothing else. snakeyaml-engine never
 * instantiates a class named by a tag; unknown tags ({@code !!java.lang.Runtime}, {@code !custom})
 * fail in the constructor, the limits below refuse alias bombs and oversized input, and
 * {@link PlainTree} then turns away the few standard non-plain types ({@code !!binary},
 * {@code !!set}) and self-references.
 */
public final class SafeYaml {
    /** Config files are small; this also caps the work a hostile file can cause. */
    public static final int MAX_CODE_POINTS = 1024 * 1024;
    /** Aliases of lists/maps multiply on expansion; a handful is plenty for a config file. */
    public static final int MAX_COLLECTION_ALIASES = 10;

    private SafeYaml() {
    }

    /**
     * The document as plain values, or null for an empty document.
     *
     * @param source name shown in errors (the file)
     * @throws ClusterDeployException INVALID_INPUT on field {@code config}, with line and column when known
     */
    public static Object load(String source, String text) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(source)
                .setSchema(new CoreSchema())
                .setAllowDuplicateKeys(false)
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(MAX_COLLECTION_ALIASES)
                .setCodePointLimit(MAX_CODE_POINTS)
                .setEnvConfig(Optional.empty())
                .build();
        Object raw;
        try {
            raw = new Load(settings).loadFromString(text);
        } catch (MarkedYamlEngineException e) {
            throw ClusterDeployException.invalid("config", source + position(e) + ": " + problem(e));
        } catch (YamlEngineException e) {
            throw ClusterDeployException.invalid("config", source + ": " + e.getMessage());
        }
        return PlainTree.copy(source, raw);
    }

    private static String position(MarkedYamlEngineException e) {
        Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
        // Marks count from 0; editors count from 1.
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
