package io.clusterdeploy.provider.prometheus;

import io.clusterdeploy.engine.canary.source.MetricSource;
import io.clusterdeploy.engine.metricsource.MetricSourceFactory;
import io.clusterdeploy.engine.provider.Accounts;
import io.clusterdeploy.engine.provider.SecretResolver;
import java.util.Map;

/**
 * The {@code prometheus} entry of a front end's {@code metricSources}: {@code url}, optional {@code username} with
 * {@code password} or {@code bearerToken} (secret references), timeouts ({@link PrometheusSettings#parse}).
 */
public final class PrometheusSourceFactory implements MetricSourceFactory {
    /** Checking resolves no secret: a reference that does not resolve is the front end's to report at start. */
    private static final SecretResolver UNRESOLVED = (field, reference) -> "unresolved".toCharArray();

    @Override
    public String type() {
        return PrometheusSource.TYPE;
    }

    @Override
    public void validate(Map<String, Object> settings) {
        PrometheusSettings.parse("", settings, UNRESOLVED);
    }

    @Override
    public MetricSource create(Map<String, Object> settings, Accounts accounts, SecretResolver secrets) {
        return PrometheusSource.of(PrometheusSettings.parse("", settings, secrets));
    }
}
