package io.clusterdeploy.provider.aws;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.model.Account;
import io.clusterdeploy.engine.provider.CloudProvider;
import io.clusterdeploy.engine.provider.ProviderFactory;
import io.clusterdeploy.engine.provider.SecretResolver;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds AWS providers. Creating one opens no connection: credentials are first used by the first read. */
public final class AwsProviderFactory implements ProviderFactory {
    public static final String TYPE = "aws";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void validate(String accountName, Map<String, Object> settings) {
        requireName(accountName);
        AwsSettings.parse(accountName, settings);
    }

    @Override
    public CloudProvider create(String accountName, Map<String, Object> settings, SecretResolver secrets) {
        requireName(accountName);
        AwsSettings parsed = AwsSettings.parse(accountName, settings);
        AwsSession session = AwsSession.open(accountName, parsed, secrets);
        Map<String, AwsClients> clients = new LinkedHashMap<>();
        for (String region : parsed.regions()) {
            clients.put(region, new AwsClients(region, session.credentials(), parsed.endpoint(), parsed.retries()));
        }
        return new AwsProvider(new Account(accountName, TYPE, parsed.regions()), parsed, clients, session);
    }

    private static void requireName(String accountName) {
        if (accountName == null || accountName.isBlank()) {
            throw ClusterDeployException.invalid("accounts", "an account name is required");
        }
    }
}
