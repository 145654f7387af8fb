package io.clusterdeploy.standalone.config;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.provider.Accounts;
import io.clusterdeploy.engine.provider.CloudProvider;
import io.clusterdeploy.engine.provider.ProviderFactory;
import io.clusterdeploy.engine.provider.ProviderTypes;
import io.clusterdeploy.engine.provider.SecretResolver;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds every configured account's provider. All or nothing: if one account fails, those
 * already built are closed again, and the error names the account by its position in the file.
 */
public final class AccountsBuilder {
    private final ProviderTypes types;
    private final SecretResolver secrets;

    public AccountsBuilder(ProviderTypes types, SecretResolver secrets) {
        this.types = types;
        this.secrets = secrets;
    }

    /**
     * Checks every account's settings as building it would, creating nothing (no directory, no connection):
     * a front end calls it before it touches the disk at all.
     *
     * @param source what to name in errors (the config file, or "default config")
     */
    public void validate(StandaloneConfig config, String source) {
        for (int i = 0; i < config.accounts().size(); i++) {
            int index = i;
            AccountConfig account = config.accounts().get(i);
            withFieldsOf(index, account, source, () -> {
                factory(index, account, source).validate(account.name(), account.settings());
                return null;
            });
        }
    }

    /** @param source what to name in errors (the config file, or "default config") */
    public Accounts build(StandaloneConfig config, String source) {
        // Every account is checked before any is built: a bad second account must not leave the
        // first one's directories and locks behind.
        validate(config, source);
        List<CloudProvider> built = new ArrayList<>();
        try {
            for (int i = 0; i < config.accounts().size(); i++) {
                built.add(create(i, config.accounts().get(i), source));
            }
            return new Accounts(built, config.accounts().stream().filter(AccountConfig::protectedAccount)
                    .map(AccountConfig::name).collect(java.util.stream.Collectors.toSet()));
        } catch (RuntimeException e) {
            built.forEach(CloudProvider::close);
            throw e;
        }
    }

    private CloudProvider create(int index, AccountConfig account, String source) {
        return withFieldsOf(index, account, source,
                () -> factory(index, account, source).create(account.name(), account.settings(), secrets));
    }

    private ProviderFactory factory(int index, AccountConfig account, String source) {
        String at = "accounts[" + index + "]";
        return types.get(account.type()).orElseThrow(() -> ClusterDeployException.invalid(
                at + ".type", source + ": " + at + ".type: unknown provider type '" + account.type()
                        + "'; known types: " + String.join(", ", types.known())));
    }

    /** Runs a provider call, re-rooting its error fields at the account's entry in the file. */
    private static <T> T withFieldsOf(int index, AccountConfig account, String source,
                                      java.util.function.Supplier<T> call) {
        String at = "accounts[" + index + "]";
        try {
            return call.get();
        } catch (ClusterDeployException e) {
            // Providers name fields after the account's name or relative to its settings; point at the entry in the file.
            String byName = "accounts[" + account.name() + "]";
            if (e.getMessage() != null && e.getMessage().startsWith(source + ": ")) {
                throw e;
            }
            String message = e.getMessage() == null ? "invalid settings" : e.getMessage().replace(byName, at);
            throw new ClusterDeployException(e.kind(), field(at, byName, e.field()),
                    source + ": account '" + account.name() + "': " + message, e);
        }
    }

    private static String field(String at, String byName, String field) {
        if (field == null || field.isBlank() || field.equals("accounts")) {
            return at;
        }
        if (field.startsWith(byName)) {
            return at + field.substring(byName.length());
        }
        if (field.startsWith("accounts[")) {
            return field;
        }
        return at + "." + field;
    }
}
