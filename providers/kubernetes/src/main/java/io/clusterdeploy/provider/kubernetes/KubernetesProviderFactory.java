package io.clusterdeploy.provider.kubernetes;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.model.Account;
import io.clusterdeploy.engine.provider.CloudProvider;
import io.clusterdeploy.engine.provider.ProviderFactory;
import io.clusterdeploy.engine.provider.SecretResolver;
import io.clusterdeploy.provider.kubernetes.config.Connection;
import io.clusterdeploy.provider.kubernetes.config.KubernetesSettings;
import java.time.Clock;
import java.util.Map;

/** Builds Kubernetes providers: an API server, credentials, and the namespaces the account may touch. */
public final class KubernetesProviderFactory implements ProviderFactory {
    public static final String TYPE = "kubernetes";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void validate(String accountName, Map<String, Object> settings) {
        requireName(accountName);
        KubernetesSettings.parse(accountName, settings);
    }

    @Override
    public CloudProvider create(String accountName, Map<String, Object> settings, SecretResolver secrets) {
        requireName(accountName);
        KubernetesSettings parsed = KubernetesSettings.parse(accountName, settings);
        Connection connection = Connection.open(parsed, secrets, Clock.systemUTC());
        try {
            return new KubernetesProvider(new Account(accountName, TYPE, parsed.namespaces()), parsed, connection,
                    Clock.systemUTC());
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private static void requireName(String accountName) {
        if (accountName == null || accountName.isBlank()) {
            throw ClusterDeployException.invalid("accounts", "an account name is required");
        }
    }
}
