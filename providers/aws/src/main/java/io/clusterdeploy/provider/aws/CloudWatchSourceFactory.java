package io.clusterdeploy.provider.aws;

import io.clusterdeploy.engine.canary.source.MetricSource;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Fields;
import io.clusterdeploy.engine.metricsource.MetricSourceFactory;
import io.clusterdeploy.engine.provider.Accounts;
import io.clusterdeploy.engine.provider.CloudProvider;
import io.clusterdeploy.engine.provider.SecretResolver;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code cloudwatch} entry of a front end's {@code metricSources}. Without settings every AWS account is read,
 * each scope through its own account's credentials and region; {@code account: NAME} limits the source to that
 * account, so analyses of other accounts' server groups are refused naming {@code account}.
 */
public final class CloudWatchSourceFactory implements MetricSourceFactory {
    @Override
    public String type() {
        return CloudWatchMetricSource.TYPE;
    }

    @Override
    public void validate(Map<String, Object> settings) {
        account(settings);
    }

    private static Optional<String> account(Map<String, Object> settings) {
        Fields f = new Fields("", settings);
        String account = f.optionalString("account", null);
        f.rejectUnknown();
        return Optional.ofNullable(account).map(String::strip).filter(a -> !a.isEmpty());
    }

    @Override
    public MetricSource create(Map<String, Object> settings, Accounts accounts, SecretResolver secrets) {
        Optional<String> only = account(settings);
        Map<String, AwsProvider> aws = new LinkedHashMap<>();
        for (CloudProvider p : accounts.providers()) {
            if (p instanceof AwsProvider a && only.map(a.account().name()::equals).orElse(true)) {
                aws.put(a.account().name(), a);
            }
        }
        if (only.isPresent() && aws.isEmpty()) {
            throw ClusterDeployException.invalid("account", "account: '" + only.get() + "' is not an AWS account of"
                    + " this server" + (accounts.list().stream().anyMatch(a -> a.name().equals(only.get()))
                    ? " (it is an account of another provider)" : ""));
        }
        Map<String, AwsProvider> byName = Map.copyOf(aws);
        return CloudWatchMetricSource.forAccounts(name -> Optional.ofNullable(byName.get(name)));
    }
}
