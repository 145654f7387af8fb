package io.jenkins.plugins.clusterdeploy.config;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.Descriptor;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.operation.OperationRetention;
import io.jenkins.plugins.clusterdeploy.account.AccountDefaults;
import io.jenkins.plugins.clusterdeploy.account.CloudAccount;
import io.jenkins.plugins.clusterdeploy.account.CloudAccountDescriptor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.clusterdeploy.credentials.CredentialsListing;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * Manage Jenkins » System » Cluster Deploy: the accounts, the traffic guards and the metric sources of canary
 * analyses. Saving it (from the form or from
 * Configuration as Code, through {@code @DataBoundSetter}s and the {@code clusterDeploy} symbol) makes the engine
 * match it. Holds no secrets: accounts name credentials by id.
 */
@Extension
@Symbol("clusterDeploy")
public final class ClusterDeployConfiguration extends GlobalConfiguration {
    private List<CloudAccount> accounts = new ArrayList<>();
    private List<TrafficGuardEntry> trafficGuards = new ArrayList<>();
    private int keepFinishedOperations = OperationRetention.DEFAULT.keepFinished();
    private int keepOperationsDays = (int) OperationRetention.DEFAULT.keepFor().toDays();
    private String prometheusUrl;
    private String prometheusCredentialsId;
    private String cloudWatchAccount;
    /** Boxed so that a configuration saved before this field existed reads as on. */
    private Boolean localMetrics;

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

    /** How many finished operations the engine keeps (the newest). */
    public int getKeepFinishedOperations() {
        return keepFinishedOperations;
    }

    @DataBoundSetter
    public void setKeepFinishedOperations(int keepFinishedOperations) {
        this.keepFinishedOperations = keepFinishedOperations;
    }

    /** How many days after it ended a finished operation is kept. */
    public int getKeepOperationsDays() {
        return keepOperationsDays;
    }

    @DataBoundSetter
    public void setKeepOperationsDays(int keepOperationsDays) {
        this.keepOperationsDays = keepOperationsDays;
    }

    /** Where canary analyses read metrics of {@code source: prometheus}; none when blank. */
    public String getPrometheusUrl() {
        return prometheusUrl;
    }

    @DataBoundSetter
    public void setPrometheusUrl(String prometheusUrl) {
        this.prometheusUrl = blankToNull(prometheusUrl);
    }

    /** Username with password, or Secret text (a bearer token), for Prometheus; none when blank. */
    public String getPrometheusCredentialsId() {
        return prometheusCredentialsId;
    }

    @DataBoundSetter
    public void setPrometheusCredentialsId(String prometheusCredentialsId) {
        this.prometheusCredentialsId = blankToNull(prometheusCredentialsId);
    }

    /** The AWS account whose credentials and region CloudWatch metrics are read with; none when blank. */
    public String getCloudWatchAccount() {
        return cloudWatchAccount;
    }

    @DataBoundSetter
    public void setCloudWatchAccount(String cloudWatchAccount) {
        this.cloudWatchAccount = blankToNull(cloudWatchAccount);
    }

    /** Whether the local load balancer's statistics answer {@code source: local} (on by default). */
    public boolean isLocalMetrics() {
        return localMetrics == null || localMetrics;
    }

    @DataBoundSetter
    public void setLocalMetrics(boolean localMetrics) {
        this.localMetrics = localMetrics;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Lists credentials ids only to administrators; anyone else gets back just the value already selected. */
    @POST
    public ListBoxModel doFillPrometheusCredentialsIdItems(@QueryParameter String prometheusCredentialsId) {
        return CredentialsListing.items(Jenkins.get().hasPermission(Jenkins.ADMINISTER), prometheusCredentialsId);
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
        int previousKeep = keepFinishedOperations;
        int previousDays = keepOperationsDays;
        String previousUrl = prometheusUrl;
        String previousCredentials = prometheusCredentialsId;
        String previousCloudWatch = cloudWatchAccount;
        Boolean previousLocal = localMetrics;
        setAccounts(newAccounts);
        setTrafficGuards(newGuards);
        try {
            setKeepFinishedOperations(wholeNumber(json, "keepFinishedOperations", keepFinishedOperations));
            setKeepOperationsDays(wholeNumber(json, "keepOperationsDays", keepOperationsDays));
            setPrometheusUrl(json.optString("prometheusUrl", null));
            setPrometheusCredentialsId(json.optString("prometheusCredentialsId", null));
            setCloudWatchAccount(json.optString("cloudWatchAccount", null));
            setLocalMetrics(json.optBoolean("localMetrics", true));
            checkRules();
        } catch (ClusterDeployException e) {
            setAccounts(previousAccounts);
            setTrafficGuards(previousGuards);
            setKeepFinishedOperations(previousKeep);
            setKeepOperationsDays(previousDays);
            prometheusUrl = previousUrl;
            prometheusCredentialsId = previousCredentials;
            cloudWatchAccount = previousCloudWatch;
            localMetrics = previousLocal;
            throw new FormException(e.getMessage(), e.field());
        }
        save();
        return true;
    }

    /** A form's number field (the form sends text); INVALID_INPUT naming it when it is not a whole number. */
    private static int wholeNumber(JSONObject json, String field, int fallback) {
        String text = json.optString(field, "").trim();
        if (text.isEmpty()) {
            return fallback;
        }
        if (!text.matches("[0-9]{1,9}") || Integer.parseInt(text) < 1) {
            throw ClusterDeployException.invalid(field, field + " must be a whole number of at least 1, was '"
                    + text + "'");
        }
        return Integer.parseInt(text);
    }

    /** Throws, naming the field, when the configuration breaks a rule (names, allowlists, traffic guards). */
    public void checkRules() {
        // The rules do not look at state directories, so any defaults do.
        EngineSpec spec = toEngineSpec(new AccountDefaults(Path.of("cluster-deploy", "accounts")));
        ConfigurationRules.check(spec);
        MetricSourceSettings.check(prometheusUrl, prometheusCredentialsId, cloudWatchAccount, spec.accounts());
    }

    /** The configuration as plain data, with default state directories under {@code defaults}. */
    public EngineSpec toEngineSpec(AccountDefaults defaults) {
        return new EngineSpec(getAccounts().stream().map(a -> a.toSpec(defaults)).toList(),
                getTrafficGuards().stream().map(TrafficGuardEntry::toGuard).toList(),
                // Configuration as Code sets the fields without the form's check: at least 1 of each.
                new OperationRetention(Math.max(1, keepFinishedOperations), Duration.ofDays(Math.max(1, keepOperationsDays))),
                MetricSourceSettings.section(prometheusUrl, prometheusCredentialsId, cloudWatchAccount, isLocalMetrics()));
    }
}
