package io.clusterdeploy.engine.metricsource;

import io.clusterdeploy.engine.canary.source.MetricSource;
import io.clusterdeploy.engine.canary.source.MetricSources;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.provider.Accounts;
import io.clusterdeploy.engine.provider.SecretResolver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The metric source types a front end can configure, by type, and the one rule for turning a {@code metricSources}
 * section into {@link MetricSources}: the standalone server and the Jenkins plugin both build their sources here.
 *
 * <p>The section maps a type to its settings: {@code {prometheus: {url: ...}, cloudwatch: {account: prod}}}. An
 * entry may be {@code false} (or hold {@code enabled: false}) to turn its source off. The {@code local} source is on
 * without an entry whenever a {@code local} account exists and the type is registered.
 */
public final class MetricSourceTypes {
    /** The source type of the local provider's load-balancer statistics, on by default. */
    public static final String LOCAL = "local";
    private static final String ENABLED = "enabled";

    private final Map<String, MetricSourceFactory> byType;

    public MetricSourceTypes(List<? extends MetricSourceFactory> factories) {
        Map<String, MetricSourceFactory> map = new TreeMap<>();
        for (MetricSourceFactory f : factories) {
            MetricSourceFactory clash = map.putIfAbsent(f.type(), f);
            if (clash != null) {
                throw new IllegalStateException("metric source type '" + f.type() + "' is registered twice: by "
                        + clash.getClass().getName() + " and " + f.getClass().getName());
            }
        }
        this.byType = Map.copyOf(map);
    }

    /** The factories registered with {@link ServiceLoader} that {@code loader} sees (in Jenkins, the plugin's). */
    public static MetricSourceTypes discover(ClassLoader loader) {
        return new MetricSourceTypes(ServiceLoader.load(MetricSourceFactory.class, loader).stream()
                .map(ServiceLoader.Provider::get).toList());
    }

    /** Sorted, for messages and forms. */
    public List<String> known() {
        return List.copyOf(new TreeMap<>(byType).keySet());
    }

    /**
     * Checks a section as {@link #build} would, creating nothing: every type known, every entry a map or a boolean,
     * its settings as its factory checks them. Errors name the field under {@code prefix}
     * ({@code metricSources.prometheus.url}).
     */
    public void validate(String prefix, Map<String, Object> section) {
        for (Map.Entry<String, Map<String, Object>> e : enabledEntries(prefix, section).entrySet()) {
            String at = prefix + "." + e.getKey();
            rooted(at, () -> {
                factory(at, e.getKey()).validate(e.getValue());
                return null;
            });
        }
    }

    /**
     * The sources of a section (null or empty: none but the default {@code local}). All or nothing: when one entry
     * fails, the sources already built are closed and the error names the entry's field.
     *
     * @param accounts the front end's accounts, not yet behind the engine's guards
     */
    public MetricSources build(String prefix, Map<String, Object> section, Accounts accounts, SecretResolver secrets) {
        validate(prefix, section);
        Map<String, Map<String, Object>> entries = enabledEntries(prefix, section);
        boolean localConfigured = section != null && section.containsKey(LOCAL);
        if (!localConfigured && byType.containsKey(LOCAL)
                && accounts.list().stream().anyMatch(a -> LOCAL.equals(a.provider()))) {
            entries.put(LOCAL, Map.of());
        }
        List<MetricSource> built = new ArrayList<>();
        try {
            for (Map.Entry<String, Map<String, Object>> e : entries.entrySet()) {
                String at = prefix + "." + e.getKey();
                MetricSource source = rooted(at, () -> factory(at, e.getKey()).create(e.getValue(), accounts, secrets));
                if (source == null || !e.getKey().equals(source.type())) {
                    throw new IllegalStateException("the " + e.getKey() + " metric source factory built a source of type "
                            + (source == null ? "null" : source.type()));
                }
                built.add(source);
            }
            return MetricSources.of(built);
        } catch (RuntimeException e) {
            MetricSources.of(dedupe(built)).close();
            throw e;
        }
    }

    private static List<MetricSource> dedupe(List<MetricSource> sources) {
        Map<String, MetricSource> byType = new LinkedHashMap<>();
        sources.forEach(s -> byType.putIfAbsent(s.type(), s));
        return List.copyOf(byType.values());
    }

    /** The entries that are on, by type, each as its settings without {@code enabled}. */
    private Map<String, Map<String, Object>> enabledEntries(String prefix, Map<String, Object> section) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        if (section == null) {
            return out;
        }
        for (Map.Entry<String, Object> e : section.entrySet()) {
            String type = String.valueOf(e.getKey());
            String at = prefix + "." + type;
            factory(at, type);
            Object value = e.getValue();
            if (value instanceof Boolean on) {
                if (on) {
                    out.put(type, new LinkedHashMap<>());
                }
                continue;
            }
            if (value == null) {
                throw ClusterDeployException.invalid(at, at + " must be a map of the source's settings, or false");
            }
            if (!(value instanceof Map<?, ?> raw)) {
                throw ClusterDeployException.invalid(at, at + " must be a map of the source's settings, or false; was "
                        + (value instanceof List<?> ? "a list" : "'" + value + "'"));
            }
            Map<String, Object> settings = new LinkedHashMap<>();
            raw.forEach((k, v) -> settings.put(String.valueOf(k), v));
            Object enabled = settings.remove(ENABLED);
            if (enabled != null && !(enabled instanceof Boolean)) {
                throw ClusterDeployException.invalid(at + "." + ENABLED, at + "." + ENABLED + " must be true or false");
            }
            if (!Boolean.FALSE.equals(enabled)) {
                out.put(type, settings);
            }
        }
        return out;
    }

    private MetricSourceFactory factory(String at, String type) {
        MetricSourceFactory f = byType.get(type);
        if (f == null) {
            throw ClusterDeployException.invalid(at, at + ": unknown metric source type '" + type + "'; known types: "
                    + (byType.isEmpty() ? "none" : String.join(", ", known())));
        }
        return f;
    }

    /** Runs a factory call, re-rooting its error fields at the entry. */
    private static <T> T rooted(String at, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ClusterDeployException e) {
            String field = e.field();
            if (field != null && field.startsWith(at)) {
                throw e;
            }
            String rooted = field == null || field.isBlank() ? at : at + "." + field;
            String message = e.getMessage() == null ? "invalid settings" : e.getMessage();
            throw new ClusterDeployException(e.kind(), rooted, message.startsWith(rooted) ? message
                    : rooted + ": " + message, e);
        }
    }
}
