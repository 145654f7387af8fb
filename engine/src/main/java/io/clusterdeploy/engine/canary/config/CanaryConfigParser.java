package io.clusterdeploy.engine.canary.config;

import io.clusterdeploy.engine.canary.source.MetricQuery;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Fields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a canary config from a plain map (parsed JSON or YAML, or a Groovy map) and validates all
 * of it before anything runs; every error names its field by path ({@code metrics[2].direction}).
 *
 * <p>Two shapes are accepted. Ours keeps each metric's settings on the metric:
 * <pre>{@code
 * {metrics: [{name, source, query, group | groups, direction, nanStrategy, outliers, critical,
 *             mustHaveData, muted, effectSize: {measure, allowedIncrease, ...}, minimumPoints}],
 *  groupWeights: {group: weight}, scoreThresholds: {pass, marginal}, minimumPoints, source, templates}
 * }</pre>
 * Kayenta's canary-config JSON is accepted as Kayenta writes it ({@code classifier.groupWeights},
 * {@code metrics[].analysisConfigurations.canary}, {@code metrics[].query.type}, …); it is
 * recognised by {@code classifier}, {@code judge}, {@code configVersion} or a metric's
 * {@code analysisConfigurations}. Both read into the same {@link CanaryConfig}.
 */
public final class CanaryConfigParser {
    /** The group of metrics that name none. */
    public static final String DEFAULT_GROUP = "default";

    private static final Set<String> KAYENTA_TOP_LEVEL_IGNORED = Set.of("id", "createdTimestamp", "updatedTimestamp",
            "createdTimestampIso", "updatedTimestampIso", "configVersion", "applications", "services", "isNew");

    private CanaryConfigParser() {
    }

    public static CanaryConfig parse(Map<String, Object> config) {
        return parse("", config);
    }

    /** As {@link #parse(Map)}, with error paths under {@code prefix} (e.g. {@code canaryConfig}). */
    public static CanaryConfig parse(String prefix, Map<String, Object> config) {
        if (config == null || config.isEmpty()) {
            String field = prefix.isEmpty() ? "metrics" : prefix;
            throw ClusterDeployException.invalid(field, "a canary config with at least one metric is required");
        }
        Fields f = new Fields(prefix, config);
        CanaryConfig parsed = isKayenta(config) ? kayenta(f) : ours(f);
        validate(f, parsed, isKayenta(config));
        return parsed;
    }

    static boolean isKayenta(Map<String, Object> config) {
        if (config.containsKey("classifier") || config.containsKey("judge") || config.containsKey("configVersion")) {
            return true;
        }
        return config.get("metrics") instanceof List<?> metrics
                && metrics.stream().anyMatch(m -> m instanceof Map<?, ?> map && map.containsKey("analysisConfigurations"));
    }

    private static CanaryConfig ours(Fields f) {
        String name = f.optionalString("name", null);
        String description = f.optionalString("description", null);
        String defaultSource = f.optionalString("source", null);
        int minimumPoints = f.optionalInt("minimumPoints", AnalysisSettings.DEFAULT_MINIMUM_POINTS, 0, 1_000_000);
        List<MetricConfig> metrics = new ArrayList<>();
        for (Fields m : metricList(f)) {
            String metricName = m.requiredString("name");
            String source = m.optionalString("source", defaultSource);
            if (source == null || source.isBlank()) {
                throw ClusterDeployException.invalid(m.path("source"),
                        m.path("source") + " is required (or a top-level source for every metric)");
            }
            MetricQuery query = new MetricQuery(source, queryFields(m));
            List<String> groups = groups(m);
            AnalysisSettings settings = AnalysisSettings.read(m, minimumPoints);
            m.rejectUnknown();
            metrics.add(settings.toMetric(metricName, query, groups));
        }
        Map<String, Double> weights = weights(f.object("groupWeights"));
        ScoreThresholds thresholds = f.has("scoreThresholds")
                ? ScoreThresholds.parse(f.path("scoreThresholds"), f.optionalMap("scoreThresholds"), ScoreThresholds.DEFAULT)
                : ScoreThresholds.DEFAULT;
        Map<String, String> templates = templates(f);
        f.rejectUnknown();
        return new CanaryConfig(name, description, metrics, weights, thresholds, templates);
    }

    /** {@code query: "expression"} is {@code {query: "expression"}}; a map is the source's own fields. */
    private static Map<String, Object> queryFields(Fields m) {
        if (!m.has("query")) {
            throw ClusterDeployException.invalid(m.path("query"), m.path("query") + " is required");
        }
        Object raw = m.raw().get("query");
        if (raw instanceof CharSequence s) {
            if (s.toString().isBlank()) {
                throw ClusterDeployException.invalid(m.path("query"), m.path("query") + " must not be empty");
            }
            return Map.of("query", s.toString());
        }
        Map<String, Object> map = m.optionalMap("query");
        if (map.isEmpty()) {
            throw ClusterDeployException.invalid(m.path("query"), m.path("query") + " must not be empty");
        }
        return map;
    }

    private static List<String> groups(Fields m) {
        boolean one = m.has("group");
        boolean many = m.has("groups");
        if (one && many) {
            throw ClusterDeployException.invalid(m.path("groups"), "give " + m.path("group") + " or "
                    + m.path("groups") + ", not both");
        }
        if (one) {
            return List.of(m.requiredString("group"));
        }
        List<String> groups = m.optionalStringList("groups");
        return groups.isEmpty() ? List.of(DEFAULT_GROUP) : distinct(groups);
    }

    private static CanaryConfig kayenta(Fields f) {
        for (String ignored : KAYENTA_TOP_LEVEL_IGNORED) {
            f.has(ignored); // bookkeeping of Kayenta's store, not judgement
        }
        String name = f.optionalString("name", null);
        String description = f.optionalString("description", null);
        Fields judge = f.object("judge");
        String judgeName = judge.optionalString("name", null);
        if (judgeName != null && !judgeName.startsWith("NetflixACAJudge")) {
            throw ClusterDeployException.invalid(judge.path("name"), judge.path("name")
                    + ": only NetflixACAJudge semantics are implemented, was '" + judgeName + "'");
        }
        Fields judgeConfigurations = judge.object("judgeConfigurations");
        int minimumPoints = judgeConfigurations.optionalInt("minimumPoints",
                AnalysisSettings.DEFAULT_MINIMUM_POINTS, 0, 1_000_000);
        judgeConfigurations.rejectUnknown();
        judge.rejectUnknown();

        List<MetricConfig> metrics = new ArrayList<>();
        for (Fields m : metricList(f)) {
            String metricName = m.requiredString("name");
            m.has("id");
            m.has("isNew");
            m.has("serviceName");
            String scopeName = m.optionalString("scopeName", "default");
            if (!scopeName.equals("default")) {
                throw ClusterDeployException.invalid(m.path("scopeName"), m.path("scopeName")
                        + ": only the default scope (one baseline and one canary) is supported, was '" + scopeName + "'");
            }
            MetricQuery query = kayentaQuery(m);
            List<String> groups = m.optionalStringList("groups");
            Fields analysis = m.object("analysisConfigurations");
            Fields canary = analysis.object("canary");
            AnalysisSettings settings = AnalysisSettings.read(canary, minimumPoints);
            canary.rejectUnknown();
            analysis.rejectUnknown();
            m.rejectUnknown();
            metrics.add(settings.toMetric(metricName, query, groups.isEmpty() ? List.of(DEFAULT_GROUP) : distinct(groups)));
        }
        Fields classifier = f.object("classifier");
        Map<String, Double> weights = weights(classifier.object("groupWeights"));
        ScoreThresholds thresholds = classifier.has("scoreThresholds")
                ? ScoreThresholds.parse(classifier.path("scoreThresholds"), classifier.optionalMap("scoreThresholds"),
                        ScoreThresholds.DEFAULT)
                : ScoreThresholds.DEFAULT;
        classifier.rejectUnknown();
        Map<String, String> templates = templates(f);
        f.rejectUnknown();
        return new CanaryConfig(name, description, metrics, weights, thresholds, templates);
    }

    /** Kayenta's polymorphic query: {@code type} names the source, the rest are its fields. */
    private static MetricQuery kayentaQuery(Fields m) {
        if (!m.has("query") || !(m.raw().get("query") instanceof Map<?, ?>)) {
            throw ClusterDeployException.invalid(m.path("query"),
                    m.path("query") + " must be an object with a type (Kayenta's metric set query)");
        }
        Fields q = m.object("query");
        String type = q.requiredString("type");
        Map<String, Object> fields = new LinkedHashMap<>(q.raw());
        fields.remove("type");
        Object serviceType = fields.remove("serviceType");
        if (serviceType != null && !type.equals(String.valueOf(serviceType))) {
            throw ClusterDeployException.invalid(q.path("serviceType"), q.path("serviceType") + " ('" + serviceType
                    + "') contradicts " + q.path("type") + " ('" + type + "')");
        }
        return new MetricQuery(type, fields);
    }

    private static List<Fields> metricList(Fields f) {
        if (!f.has("metrics")) {
            throw ClusterDeployException.invalid(f.path("metrics"), f.path("metrics") + " must list at least one metric");
        }
        List<Fields> metrics = f.objectList("metrics");
        if (metrics.isEmpty()) {
            throw ClusterDeployException.invalid(f.path("metrics"), f.path("metrics") + " must list at least one metric");
        }
        return metrics;
    }

    private static Map<String, Double> weights(Fields w) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String group : w.raw().keySet()) {
            if (group.isBlank()) {
                throw ClusterDeployException.invalid(w.path(group), "a group weight needs a group name");
            }
            weights.put(group, w.optionalDouble(group, 0, 0, 100));
        }
        return weights;
    }

    private static Map<String, String> templates(Fields f) {
        Fields t = f.object("templates");
        Map<String, String> templates = new LinkedHashMap<>();
        for (String key : t.raw().keySet()) {
            templates.put(key, t.requiredString(key));
        }
        return templates;
    }

    private static List<String> distinct(List<String> values) {
        return new ArrayList<>(new java.util.LinkedHashSet<>(values));
    }

    /** Rules across fields, checked on the model with paths of the shape it came from. */
    private static void validate(Fields f, CanaryConfig config, boolean kayenta) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < config.metrics().size(); i++) {
            MetricConfig m = config.metrics().get(i);
            String path = f.path("metrics") + "[" + i + "]";
            if (!names.add(m.name())) {
                throw ClusterDeployException.invalid(path + ".name", path + ".name: a second metric named '"
                        + m.name() + "'; metric names must be unique");
            }
            String template = m.query().string("customFilterTemplate");
            if (template != null && !config.templates().containsKey(template)) {
                throw ClusterDeployException.invalid(path + ".query.customFilterTemplate", path
                        + ".query.customFilterTemplate names '" + template + "', which templates does not define");
            }
        }
        if (config.metrics().stream().allMatch(MetricConfig::muted)) {
            throw ClusterDeployException.invalid(f.path("metrics"), f.path("metrics")
                    + ": every metric is muted, so nothing would be judged");
        }
        String weightsPath = kayenta ? f.path("classifier") + ".groupWeights" : f.path("groupWeights");
        List<String> groups = config.groups();
        double total = 0;
        for (Map.Entry<String, Double> w : config.groupWeights().entrySet()) {
            if (!groups.contains(w.getKey())) {
                throw ClusterDeployException.invalid(weightsPath + "." + w.getKey(), weightsPath + "." + w.getKey()
                        + ": no metric is in group '" + w.getKey() + "' (groups: " + String.join(", ", groups) + ")");
            }
            total += w.getValue();
        }
        if (total > 100 + 1e-9) {
            throw ClusterDeployException.invalid(weightsPath, weightsPath + " add up to " + total + ", more than 100");
        }
        if (config.groupWeights().keySet().containsAll(groups) && Math.abs(total - 100) > 1e-6) {
            throw ClusterDeployException.invalid(weightsPath, weightsPath + " weigh every group and must add up to 100, "
                    + "they add up to " + total);
        }
    }
}
