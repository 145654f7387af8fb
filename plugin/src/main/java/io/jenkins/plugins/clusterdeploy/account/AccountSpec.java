package io.jenkins.plugins.clusterdeploy.account;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One configured account as plain data, free of Jenkins types: what the engine needs to build its provider and
 * what the binding needs to decide who may use it. Never holds a secret, only the credentials id.
 *
 * @param name              account name
 * @param type              provider type ({@code local} ...), as registered by its {@code ProviderFactory}
 * @param settings          the provider's settings, as plain values
 * @param credentialsId     the Jenkins credentials the provider resolves at start, or null
 * @param enabled           false: the account is configured but not started, and no build may use it
 * @param allowedJobs       job full-name patterns that may use it from a build; empty = every job
 * @param allowlistRequired true when an empty {@code allowedJobs} means nobody rather than everybody (local accounts)
 * @param protectedAccount  destructive changes through the API need the account's name confirmed
 */
public record AccountSpec(String name, String type, Map<String, Object> settings, String credentialsId,
                          boolean enabled, List<String> allowedJobs, boolean allowlistRequired, boolean protectedAccount) {

    /** The key the provider reads its credentials reference from, when {@link #credentialsId()} is set. */
    public static final String CREDENTIALS_SETTING = "credentialsId";

    public AccountSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        settings = settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        allowedJobs = allowedJobs == null ? List.of() : List.copyOf(allowedJobs);
        credentialsId = credentialsId == null || credentialsId.isBlank() ? null : credentialsId;
    }

    /** Not protected. */
    public AccountSpec(String name, String type, Map<String, Object> settings, String credentialsId, boolean enabled,
                       List<String> allowedJobs, boolean allowlistRequired) {
        this(name, type, settings, credentialsId, enabled, allowedJobs, allowlistRequired, false);
    }

    /** What the provider factory receives: the settings plus the credentials reference, if any. */
    public Map<String, Object> providerSettings() {
        Map<String, Object> out = new LinkedHashMap<>(settings);
        if (credentialsId != null) {
            out.put(CREDENTIALS_SETTING, credentialsId);
        }
        return out;
    }

    /** Everything that decides how the provider is built; a change means the provider must be rebuilt. */
    public ProviderKey providerKey() {
        return new ProviderKey(name, type, providerSettings());
    }

    /**
     * Identity of a built provider.
     *
     * @param name     account name
     * @param type     provider type
     * @param settings settings with the credentials reference
     */
    public record ProviderKey(String name, String type, Map<String, Object> settings) {
    }
}
