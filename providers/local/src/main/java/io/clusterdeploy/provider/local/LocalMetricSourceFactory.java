package io.clusterdeploy.provider.local;

import io.clusterdeploy.engine.canary.source.MetricQuery;
import io.clusterdeploy.engine.canary.source.MetricScope;
import io.clusterdeploy.engine.canary.source.MetricSource;
import io.clusterdeploy.engine.canary.source.TimeSeries;
import io.clusterdeploy.engine.canary.source.TimeWindow;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.metricsource.MetricSourceFactory;
import io.clusterdeploy.engine.metricsource.MetricSourceTypes;
import io.clusterdeploy.engine.provider.Accounts;
import io.clusterdeploy.engine.provider.CloudProvider;
import io.clusterdeploy.engine.provider.SecretResolver;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code local} metric source: the statistics of every {@code local} account's load balancers, one source that
 * answers each scope from the account it names. It has no settings: the statistics are there from the start.
 */
public final class LocalMetricSourceFactory implements MetricSourceFactory {
    @Override
    public String type() {
        return MetricSourceTypes.LOCAL;
    }

    @Override
    public void validate(Map<String, Object> settings) {
        if (!settings.isEmpty()) {
            String key = new TreeMap<>(settings).firstKey();
            throw ClusterDeployException.invalid(key, key + ": the local metric source has no settings (its statistics"
                    + " come from the local accounts' load balancers); only 'enabled' may be given");
        }
    }

    @Override
    public MetricSource create(Map<String, Object> settings, Accounts accounts, SecretResolver secrets) {
        validate(settings);
        Map<String, MetricSource> byAccount = new LinkedHashMap<>();
        for (CloudProvider p : accounts.providers()) {
            if (p instanceof LocalProvider local) {
                byAccount.put(local.account().name(), local.metricSource());
            }
        }
        return new ByAccount(Map.copyOf(byAccount));
    }

    /** Answers each scope from its account's own source. */
    private record ByAccount(Map<String, MetricSource> byAccount) implements MetricSource {
        @Override
        public String type() {
            return LocalMetricSource.TYPE;
        }

        @Override
        public void validate(MetricQuery query) {
            LocalMetric.parse(query);
        }

        @Override
        public TimeSeries fetch(MetricQuery query, MetricScope scope, TimeWindow window) {
            MetricSource source = byAccount.get(scope.account());
            if (source == null) {
                List<String> known = byAccount.keySet().stream().sorted().toList();
                throw ClusterDeployException.invalid("account", "the local metric source reads local accounts only;"
                        + " '" + scope.account() + "' is not one" + (known.isEmpty() ? " (there is none)"
                        : " (local accounts: " + String.join(", ", known) + ")"));
            }
            return source.fetch(query, scope, window);
        }
    }
}
