package io.jenkins.plugins.clusterdeploy.account;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * One account in the global configuration, for one provider type. A new provider plugs in with its
 * {@code ProviderFactory} (found by {@link java.util.ServiceLoader}) and a subclass of this with its descriptor;
 * nothing else changes. Subclasses hold only settings and, where the provider needs secrets, a credentials id.
 */
public abstract class CloudAccount implements Describable<CloudAccount>, ExtensionPoint {
    private final String name;
    private List<String> allowedJobs = new ArrayList<>();
    /** Destructive changes through the API (the cluster view) need the account's name typed. */
    private boolean protectedAccount;

    protected CloudAccount(String name) {
        this.name = name == null ? null : name.strip();
    }

    public String getName() {
        return name;
    }

    /** Job full-name patterns that may use this account from a build; empty means every job (see subclasses). */
    public List<String> getAllowedJobs() {
        return allowedJobs == null ? List.of() : List.copyOf(allowedJobs);
    }

    @DataBoundSetter
    public void setAllowedJobs(List<String> allowedJobs) {
        List<String> kept = new ArrayList<>();
        if (allowedJobs != null) {
            allowedJobs.stream().filter(p -> p != null && !p.isBlank()).map(String::strip).forEach(kept::add);
        }
        this.allowedJobs = kept;
    }

    /**
     * Whether destructive changes on it (disable, destroy, disableCluster, scaleDownCluster, shrinkCluster,
     * rollbackCluster) through the API and the cluster view ask for the account's name, as Deck does with
     * {@code challengeDestructiveActions}. JCasC: {@code protected: true}.
     */
    public boolean isProtected() {
        return protectedAccount;
    }

    @DataBoundSetter
    public void setProtected(boolean protectedAccount) {
        this.protectedAccount = protectedAccount;
    }

    /** Whether the account is started and may be used. */
    public boolean isEnabled() {
        return true;
    }

    /** The Jenkins credentials the provider resolves at start, for providers that need secrets; null otherwise. */
    public String getCredentialsId() {
        return null;
    }

    /** The provider type, as its {@code ProviderFactory.type()}. */
    public abstract String getProviderType();

    /** The provider's settings as plain values (never secrets). */
    protected abstract Map<String, Object> providerSettings(AccountDefaults defaults);

    /** True when an empty {@link #getAllowedJobs()} must mean no job rather than every job. */
    protected boolean requiresAllowlist() {
        return false;
    }

    /** This account as plain data for the engine and the account policy. */
    public final AccountSpec toSpec(AccountDefaults defaults) {
        return new AccountSpec(name == null ? "" : name, getProviderType(), providerSettings(defaults),
                getCredentialsId(), isEnabled(), getAllowedJobs(), requiresAllowlist(), isProtected());
    }
}
