package io.clusterdeploy.provider.local;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.model.Account;
import io.clusterdeploy.engine.provider.CloudProvider;
import io.clusterdeploy.engine.provider.ProviderFactory;
import io.clusterdeploy.engine.provider.SecretResolver;
import java.util.List;
import java.util.Map;

/** Builds local providers: server groups as processes on this machine. Needs no credentials. */
public final class LocalProviderFactory implements ProviderFactory {
    public static final String TYPE = "local";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void validate(String accountName, Map<String, Object> settings) {
        if (accountName == null || accountName.isBlank()) {
            throw ClusterDeployException.invalid("accounts", "an account name is required");
        }
        LocalSettings.check(accountName, settings);
    }

    @Override
    public CloudProvider create(String accountName, Map<String, Object> settings, SecretResolver secrets) {
        if (accountName == null || accountName.isBlank()) {
            throw ClusterDeployException.invalid("accounts", "an account name is required");
        }
        LocalSettings parsed = LocalSettings.parse(accountName, settings);
        return new LocalProvider(new Account(accountName, TYPE, List.of(LocalProvider.LOCATION)), parsed);
    }
}
