package io.clusterdeploy.standalone.config;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Fields;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a parsed config document field by field. Provider settings are checked later by the
 * provider itself; here only their account's name and type.
 */
public final class ConfigParser {
    // Account names show up in URLs, file names and logs: keep them plain.
    private static final Pattern ACCOUNT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    private final ProviderTypes types;

    public ConfigParser(ProviderTypes types) {
        this.types = types;
    }

    /** @param document the YAML document as plain values (null when the file is empty) */
    public StandaloneConfig parse(Object document) {
        if (document == null) {
            throw ClusterDeployException.invalid("config", "the config is empty; it needs at least 'accounts'");
        }
        if (!(document instanceof Map<?, ?> raw)) {
            throw ClusterDeployException.invalid("config", "the config must be a map with 'accounts' (and optionally 'stateDir')");
        }
        Fields f = Fields.of(stringKeys(raw));
        Path stateDir = stateDir(f);
        List<AccountConfig> accounts = accounts(f);
        webhooks(f);
        f.rejectUnknown();
        return new StandaloneConfig(stateDir, accounts);
    }

    private static Path stateDir(Fields f) {
        String configured = f.optionalString("stateDir", null);
        if (configured == null) {
            return StateDirs.defaultDir();
        }
        if (configured.isBlank()) {
            throw ClusterDeployException.invalid("stateDir", "stateDir must not be empty");
        }
        try {
            return StateDirs.resolve(configured);
        } catch (IllegalArgumentException e) {
            throw ClusterDeployException.invalid("stateDir", "stateDir: " + e.getMessage());
        }
    }

    private List<AccountConfig> accounts(Fields f) {
        if (!f.has("accounts")) {
            throw ClusterDeployException.invalid("accounts", "accounts is required: a list of {name, type, ...}");
        }
        if (!(f.raw().get("accounts") instanceof List<?> list)) {
            throw ClusterDeployException.invalid("accounts", "accounts must be a list of {name, type, ...}");
        }
        if (list.isEmpty()) {
            throw ClusterDeployException.invalid("accounts", "accounts must name at least one account");
        }
        List<AccountConfig> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "accounts[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> entry)) {
                throw ClusterDeployException.invalid(at, at + " must be a map with name and type");
            }
            AccountConfig account = account(at, stringKeys(entry));
            Integer first = seen.putIfAbsent(account.name(), i);
            if (first != null) {
                throw ClusterDeployException.invalid(at + ".name", at + ".name: account '" + account.name()
                        + "' is already defined by accounts[" + first + "]");
            }
            out.add(account);
        }
        return out;
    }

    private AccountConfig account(String at, Map<String, Object> entry) {
        Fields a = new Fields(at, entry);
        String name = a.requiredString("name");
        if (!ACCOUNT_NAME.matcher(name).matches()) {
            throw ClusterDeployException.invalid(a.path("name"), a.path("name") + ": '" + name
                    + "' is not a valid account name (letters, digits, '.', '_', '-'; at most 63)");
        }
        String type = a.requiredString("type");
        if (types.get(type).isEmpty()) {
            throw ClusterDeployException.invalid(a.path("type"), a.path("type") + ": unknown provider type '" + type
                    + "'; known types: " + String.join(", ", types.known()));
        }
        // The rest belongs to the provider, which rejects keys it does not know.
        Map<String, Object> settings = new LinkedHashMap<>(entry);
        settings.remove("name");
        settings.remove("type");
        return new AccountConfig(name, type, settings);
    }

    private static void webhooks(Fields f) {
        if (!f.has("webhooks")) {
            return;
        }
        if (!(f.raw().get("webhooks") instanceof List<?> list)) {
            throw ClusterDeployException.invalid("webhooks", "webhooks must be a list");
        }
        if (!list.isEmpty()) {
            // Refuse rather than ignore: a user who configures a webhook expects it to fire.
            throw ClusterDeployException.invalid("webhooks[0]", "webhooks are not supported yet; leave the list empty");
        }
    }

    private static Map<String, Object> stringKeys(Map<?, ?> raw) {
        Map<String, Object> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
