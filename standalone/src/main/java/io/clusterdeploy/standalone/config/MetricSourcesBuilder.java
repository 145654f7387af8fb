package io.clusterdeploy.standalone.config;

import io.clusterdeploy.engine.canary.source.MetricSources;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.metricsource.MetricSourceTypes;
import io.clusterdeploy.engine.provider.Accounts;
import io.clusterdeploy.engine.provider.SecretResolver;
import java.util.function.Supplier;

/**
 * The config file's {@code metricSources} section turned into the engine's metric sources, by the engine's one
 * registry ({@link MetricSourceTypes}): checked before anything starts, built once the accounts are. Errors name
 * the file and the field ({@code metricSources.prometheus.url}); secrets are {@code env:NAME} references resolved
 * by the source, never values in the file.
 */
public final class MetricSourcesBuilder {
    public static final String SECTION = "metricSources";

    private final MetricSourceTypes types;
    private final SecretResolver secrets;

    public MetricSourcesBuilder(MetricSourceTypes types, SecretResolver secrets) {
        this.types = types;
        this.secrets = secrets;
    }

    /** @param source what to name in errors (the config file, or "default config") */
    public void validate(StandaloneConfig config, String source) {
        inFile(source, () -> {
            types.validate(SECTION, config.metricSources());
            return null;
        });
    }

    /** @param accounts the built accounts, before the engine puts them behind its guards */
    public MetricSources build(StandaloneConfig config, String source, Accounts accounts) {
        return inFile(source, () -> types.build(SECTION, config.metricSources(), accounts, secrets));
    }

    private static <T> T inFile(String source, Supplier<T> call) {
        try {
            return call.get();
        } catch (ClusterDeployException e) {
            throw new ClusterDeployException(e.kind(), e.field(), source + ": " + e.getMessage(), e);
        }
    }
}
