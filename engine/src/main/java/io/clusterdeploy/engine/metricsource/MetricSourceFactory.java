package io.clusterdeploy.engine.metricsource;

import io.clusterdeploy.engine.canary.source.MetricSource;
import io.clusterdeploy.engine.provider.Accounts;
import io.clusterdeploy.engine.provider.SecretResolver;
import java.util.Map;

/**
 * Builds the {@link MetricSource} of one type from its settings: an entry of the standalone YAML's
 * {@code metricSources} section ({@code prometheus: {url: ..., password: env:PROM_PASSWORD}}) or what the Jenkins
 * global configuration maps its fields to. Source modules register an implementation with
 * {@link java.util.ServiceLoader} (a line in {@code META-INF/services/io.clusterdeploy.engine.metricsource.MetricSourceFactory}),
 * as providers register their {@code ProviderFactory}; {@link MetricSourceTypes} is the one registry both front
 * ends read.
 */
public interface MetricSourceFactory {

    /** The source's type, as configs name it in a metric's {@code source}: {@code local}, {@code prometheus}, ... */
    String type();

    /**
     * Checks the settings as {@link #create} would, creating nothing (no connection), so that a front end can refuse
     * a whole configuration first. Errors are INVALID_INPUT naming the field relative to the entry ({@code url}).
     */
    default void validate(Map<String, Object> settings) {
    }

    /**
     * The source. Unknown keys and bad values are INVALID_INPUT naming the field relative to the entry. Secrets are
     * references ({@code env:NAME} in the standalone server, a credentials id in Jenkins) resolved through
     * {@code secrets}, never values in the settings; they must not reach messages, logs or {@code toString}.
     *
     * @param settings the entry's settings as plain maps, lists and strings ({@code enabled} already taken out)
     * @param accounts the front end's accounts, unwrapped (a source that reads its provider's own data, such as the
     *                 local load balancer's statistics or an AWS account's credentials, finds it here)
     * @param secrets  resolves secret references
     */
    MetricSource create(Map<String, Object> settings, Accounts accounts, SecretResolver secrets);
}
