package io.clusterdeploy.standalone.config;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.guard.TrafficGuard;
import io.clusterdeploy.engine.json.Fields;
import io.clusterdeploy.engine.operation.OperationRetention;
import io.clusterdeploy.engine.provider.ProviderTypes;
import io.clusterdeploy.standalone.hooks.HookHosts;
import io.clusterdeploy.standalone.notify.WebhookConfig;
import java.net.URI;
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
        List<AccountConfig> accounts = accounts(f, stateDir);
        List<WebhookConfig> webhooks = webhooks(f);
        List<TrafficGuard> guards = trafficGuards(f, accounts);
        HookHosts hooks = HookHosts.parse(f.object("validationHooks"));
        OperationRetention retention = retention(f.object("operations"));
        // Each entry belongs to its source type, checked by MetricSourcesBuilder before anything starts.
        Map<String, Object> metricSources = f.optionalMap("metricSources");
        f.rejectUnknown();
        return new StandaloneConfig(stateDir, accounts, guards, webhooks, hooks, retention, metricSources);
    }

    /** {@code operations: {keepFinished: N, keepForDays: D}}: which finished operations are kept. */
    private static OperationRetention retention(Fields o) {
        int keep = o.optionalInt("keepFinished", OperationRetention.DEFAULT.keepFinished(), 1, 1_000_000);
        int days = o.optionalInt("keepForDays", (int) OperationRetention.DEFAULT.keepFor().toDays(), 1, 36_500);
        o.rejectUnknown();
        return new OperationRetention(keep, java.time.Duration.ofDays(days));
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

    private List<AccountConfig> accounts(Fields f, Path stateDir) {
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
            AccountConfig account = account(at, stringKeys(entry), stateDir);
            Integer first = seen.putIfAbsent(account.name(), i);
            if (first != null) {
                throw ClusterDeployException.invalid(at + ".name", at + ".name: account '" + account.name()
                        + "' is already defined by accounts[" + first + "]");
            }
            out.add(account);
        }
        return out;
    }

    private AccountConfig account(String at, Map<String, Object> entry, Path stateDir) {
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
        boolean protectedAccount = a.optionalBoolean(AccountConfig.PROTECTED, false);
        // The rest belongs to the provider, which rejects keys it does not know.
        Map<String, Object> settings = new LinkedHashMap<>(entry);
        settings.remove("name");
        settings.remove("type");
        settings.remove(AccountConfig.PROTECTED);
        if (type.equals(StandaloneConfig.LOCAL_TYPE) && !settings.containsKey("stateDir")) {
            // The local provider's server groups must outlive a restart: keep them under our state dir.
            settings.put("stateDir", StandaloneConfig.accountStateDir(stateDir, name).toString());
        }
        return new AccountConfig(name, type, settings, protectedAccount);
    }

    private static List<WebhookConfig> webhooks(Fields f) {
        List<WebhookConfig> out = new ArrayList<>();
        for (Fields w : list(f, "webhooks")) {
            String raw = w.requiredString("url");
            URI url;
            try {
                url = URI.create(raw);
            } catch (IllegalArgumentException e) {
                throw ClusterDeployException.invalid(w.path("url"), w.path("url") + " is not a URL");
            }
            if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
                throw ClusterDeployException.invalid(w.path("url"), w.path("url") + " must be an http or https URL");
            }
            List<String> events = w.optionalStringList("events");
            for (int i = 0; i < events.size(); i++) {
                if (!EVENT_TYPES.contains(events.get(i))) {
                    throw ClusterDeployException.invalid(w.path("events") + "[" + i + "]", w.path("events") + "[" + i
                            + "]: unknown event type '" + events.get(i) + "'; known: " + String.join(", ", EVENT_TYPES));
                }
            }
            w.rejectUnknown();
            out.add(new WebhookConfig(url, events));
        }
        return out;
    }

    private static final List<String> EVENT_TYPES = List.of("operation.starting", "operation.complete",
            "operation.failed", "step.starting", "step.complete", "step.failed");

    private static List<TrafficGuard> trafficGuards(Fields f, List<AccountConfig> accounts) {
        List<TrafficGuard> out = new ArrayList<>();
        for (Fields g : list(f, "trafficGuards")) {
            String account = g.requiredString("account");
            if (accounts.stream().noneMatch(a -> a.name().equals(account))) {
                throw ClusterDeployException.invalid(g.path("account"), g.path("account") + ": unknown account '"
                        + account + "'");
            }
            String cluster = g.requiredString("cluster");
            try {
                if (io.clusterdeploy.engine.naming.ServerGroupName.parse(cluster).sequence() != null) {
                    throw ClusterDeployException.invalid("cluster", "a cluster name has no version suffix");
                }
            } catch (ClusterDeployException e) {
                throw ClusterDeployException.invalid(g.path("cluster"), g.path("cluster") + ": " + e.getMessage());
            }
            String location = g.optionalString("location", null);
            g.rejectUnknown();
            out.add(new TrafficGuard(account, location, cluster));
        }
        return out;
    }

    /** The entries of an optional list of maps, each readable field by field. */
    private static List<Fields> list(Fields f, String key) {
        if (!f.has(key)) {
            return List.of();
        }
        if (!(f.raw().get(key) instanceof List<?> list)) {
            throw ClusterDeployException.invalid(key, key + " must be a list");
        }
        List<Fields> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = key + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                throw ClusterDeployException.invalid(at, at + " must be a map");
            }
            out.add(new Fields(at, stringKeys(m)));
        }
        return out;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> raw) {
        Map<String, Object> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
