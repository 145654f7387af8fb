package io.jenkins.plugins.clusterdeploy.config;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.Descriptor;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.jenkins.plugins.clusterdeploy.account.AccountDefaults;
import io.jenkins.plugins.clusterdeploy.account.CloudAccount;
import io.jenkins.plugins.clusterdeploy.account.CloudAccountDescriptor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import jenkins.model.GlobalConfiguration;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * Manage Jenkins » System » Cluster Deploy: the accounts and the traffic guards. Saving it (from the form or from
 * Configuration as Code, through {@code @DataBoundSetter}s and the {@code clusterDeploy} symbol) makes the engine
 * match it. Holds no secrets: accounts name credentials by id.
 */
@Extension
@Symbol("clusterDeploy")
public final class ClusterDeployConfiguration extends GlobalConfiguration {
    private List<CloudAccount> accounts = new ArrayList<>();
    private List<TrafficGuardEntry> trafficGuards = new ArrayList<>();

    public ClusterDeployConfiguration() {
        load();
    }

    public static ClusterDeployConfiguration get() {
        return ExtensionList.lookupSingleton(ClusterDeployConfiguration.class);
    }

    @Override
    public String getDisplayName() {
        return "Cluster Deploy";
    }

    public List<CloudAccount> getAccounts() {
        return accounts == null ? List.of() : List.copyOf(accounts);
    }

    @DataBoundSetter
    public void setAccounts(List<CloudAccount> accounts) {
        this.accounts = accounts == null ? new ArrayList<>() : new ArrayList<>(accounts);
    }

    public List<TrafficGuardEntry> getTrafficGuards() {
        return trafficGuards == null ? List.of() : List.copyOf(trafficGuards);
    }

    @DataBoundSetter
    public void setTrafficGuards(List<TrafficGuardEntry> trafficGuards) {
        this.trafficGuards = trafficGuards == null ? new ArrayList<>() : new ArrayList<>(trafficGuards);
    }

    /**
     * The account types: those the form offers ({@code f:repeatableHeteroProperty} reads
     * {@code getAccountsDescriptors()}) are exactly those {@link #configure} binds.
     */
    public List<CloudAccountDescriptor> getAccountsDescriptors() {
        return List.copyOf(ExtensionList.lookup(CloudAccountDescriptor.class));
    }

    /** Binds the form, refuses it (keeping the previous values) when a rule is broken, saves otherwise. */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        return configure(req, json, getAccountsDescriptors());
    }

    /**
     * Not {@code req.bindJSON(this, json)} (GlobalConfiguration's default): that builds the accounts with their
     * {@code @DataBoundConstructor} and setters and never calls their descriptors' {@code newInstance}, so an
     * account's "Allowed jobs" textarea would arrive as one pattern with line breaks in it. Accounts are bound as
     * core binds hetero lists ({@code Descriptor.newInstancesFromHeteroList}, as {@code DescribableList.rebuildHetero}
     * in core/src/main/java/hudson/util/DescribableList.java does), which calls each account descriptor's
     * {@code newInstance}; traffic guards have only text fields and bind as a plain list.
     */
    boolean configure(StaplerRequest2 req, JSONObject json, Collection<? extends Descriptor<CloudAccount>> accountTypes)
            throws FormException {
        // A form without entries has no key for the list at all: that is an empty list.
        List<CloudAccount> newAccounts = Descriptor.newInstancesFromHeteroList(req, json, "accounts", accountTypes);
        List<TrafficGuardEntry> newGuards = req.bindJSONToList(TrafficGuardEntry.class, json.get("trafficGuards"));
        List<CloudAccount> previousAccounts = getAccounts();
        List<TrafficGuardEntry> previousGuards = getTrafficGuards();
        setAccounts(newAccounts);
        setTrafficGuards(newGuards);
        try {
            checkRules();
        } catch (ClusterDeployException e) {
            setAccounts(previousAccounts);
            setTrafficGuards(previousGuards);
            throw new FormException(e.getMessage(), e.field());
        }
        save();
        return true;
    }

    /** Throws, naming the field, when the configuration breaks a rule (names, allowlists, traffic guards). */
    public void checkRules() {
        // The rules do not look at state directories, so any defaults do.
        ConfigurationRules.check(toEngineSpec(new AccountDefaults(Path.of("cluster-deploy", "accounts"))));
    }

    /** The configuration as plain data, with default state directories under {@code defaults}. */
    public EngineSpec toEngineSpec(AccountDefaults defaults) {
        return new EngineSpec(getAccounts().stream().map(a -> a.toSpec(defaults)).toList(),
                getTrafficGuards().stream().map(TrafficGuardEntry::toGuard).toList());
    }
}
