package io.clusterdeploy.engine.testing;

import io.clusterdeploy.engine.json.Fields;
import io.clusterdeploy.engine.provider.CloudProvider;
import io.clusterdeploy.engine.provider.ProviderFactory;
import io.clusterdeploy.engine.provider.SecretResolver;
import java.util.Map;

/**
 * Account type {@code synthetic}, on test and benchmark class paths only (never in the product):
 * {@code {application: big, serverGroups: 10000, instancesPerGroup: 10, groupsPerCluster: 10}}.
 */
public final class SyntheticProviderFactory implements ProviderFactory {
    public static final String TYPE = "synthetic";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public CloudProvider create(String accountName, Map<String, Object> settings, SecretResolver secrets) {
        Fields f = Fields.of(settings);
        SyntheticProvider p = new SyntheticProvider(accountName, f.optionalString("application", "big"),
                f.optionalInt("serverGroups", 10_000, 1, 1_000_000), f.optionalInt("instancesPerGroup", 10, 0, 1000),
                f.optionalInt("groupsPerCluster", 10, 1, 1000));
        f.rejectUnknown();
        return p;
    }
}
