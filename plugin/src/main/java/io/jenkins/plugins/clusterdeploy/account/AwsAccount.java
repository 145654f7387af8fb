package io.jenkins.plugins.clusterdeploy.account;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.Extension;
import hudson.model.Descriptor.FormException;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.clusterdeploy.provider.aws.AwsProviderFactory;
import io.jenkins.plugins.clusterdeploy.credentials.CredentialsSecretResolver;
import io.jenkins.plugins.clusterdeploy.credentials.GlobalCredentialsLookup;
import io.jenkins.plugins.clusterdeploy.form.FormFields;
import io.jenkins.plugins.clusterdeploy.form.FormText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * An account of the {@code aws} provider: Auto Scaling groups, ELBv2 target groups and security groups in the
 * listed regions. Credentials are an {@code AmazonWebServicesCredentials} of the aws-credentials plugin (by id; with
 * its own optional role), or, without one, a named profile or the controller's default chain (instance role). A role
 * to assume on top (cross-account deploys) is set here with its external id. Nothing secret is stored.
 */
public final class AwsAccount extends CloudAccount {
    private List<String> regions = new ArrayList<>();
    private String credentialsId;
    private String profile;
    private String roleArn;
    private String externalId;
    private String roleSessionName;
    private String endpoint;
    private Integer deregistrationDelaySeconds;
    private Integer maxInstancesPerServerGroup;
    private Integer cacheRefreshSeconds;

    @DataBoundConstructor
    public AwsAccount(String name) {
        super(name);
    }

    public List<String> getRegions() {
        return regions == null ? List.of() : List.copyOf(regions);
    }

    @DataBoundSetter
    public void setRegions(List<String> regions) {
        List<String> kept = new ArrayList<>();
        if (regions != null) {
            regions.stream().filter(r -> r != null && !r.isBlank()).map(String::strip).forEach(kept::add);
        }
        this.regions = kept;
    }

    @Override
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = blankToNull(credentialsId);
    }

    public String getProfile() {
        return profile;
    }

    @DataBoundSetter
    public void setProfile(String profile) {
        this.profile = blankToNull(profile);
    }

    public String getRoleArn() {
        return roleArn;
    }

    @DataBoundSetter
    public void setRoleArn(String roleArn) {
        this.roleArn = blankToNull(roleArn);
    }

    public String getExternalId() {
        return externalId;
    }

    @DataBoundSetter
    public void setExternalId(String externalId) {
        this.externalId = blankToNull(externalId);
    }

    public String getRoleSessionName() {
        return roleSessionName;
    }

    @DataBoundSetter
    public void setRoleSessionName(String roleSessionName) {
        this.roleSessionName = blankToNull(roleSessionName);
    }

    public String getEndpoint() {
        return endpoint;
    }

    @DataBoundSetter
    public void setEndpoint(String endpoint) {
        this.endpoint = blankToNull(endpoint);
    }

    public Integer getDeregistrationDelaySeconds() {
        return deregistrationDelaySeconds;
    }

    @DataBoundSetter
    public void setDeregistrationDelaySeconds(Integer deregistrationDelaySeconds) {
        this.deregistrationDelaySeconds = deregistrationDelaySeconds;
    }

    public Integer getMaxInstancesPerServerGroup() {
        return maxInstancesPerServerGroup;
    }

    @DataBoundSetter
    public void setMaxInstancesPerServerGroup(Integer maxInstancesPerServerGroup) {
        this.maxInstancesPerServerGroup = maxInstancesPerServerGroup;
    }

    public Integer getCacheRefreshSeconds() {
        return cacheRefreshSeconds;
    }

    @DataBoundSetter
    public void setCacheRefreshSeconds(Integer cacheRefreshSeconds) {
        this.cacheRefreshSeconds = cacheRefreshSeconds;
    }

    @Override
    public String getProviderType() {
        return AwsProviderFactory.TYPE;
    }

    /** The AWS provider's settings; the credentials id travels separately (see {@link AccountSpec}). */
    @Override
    protected Map<String, Object> providerSettings(AccountDefaults defaults) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("regions", getRegions());
        if (credentialsId == null && profile != null) {
            s.put("credentials", Map.of("profile", profile));
        }
        if (roleArn != null) {
            Map<String, Object> role = new LinkedHashMap<>();
            role.put("roleArn", roleArn);
            if (externalId != null) {
                role.put("externalId", externalId);
            }
            if (roleSessionName != null) {
                role.put("sessionName", roleSessionName);
            }
            s.put("assumeRole", role);
        }
        if (endpoint != null) {
            s.put("endpoint", endpoint);
        }
        if (deregistrationDelaySeconds != null) {
            s.put("deregistrationDelaySeconds", deregistrationDelaySeconds);
        }
        if (maxInstancesPerServerGroup != null) {
            s.put("maxInstancesPerServerGroup", maxInstancesPerServerGroup);
        }
        if (cacheRefreshSeconds != null) {
            s.put("cache", Map.of("refreshSeconds", cacheRefreshSeconds));
        }
        return s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Extension
    @Symbol("aws")
    public static final class DescriptorImpl extends CloudAccountDescriptor {
        public DescriptorImpl() {
            super(AwsAccount.class);
        }

        @Override
        public String getDisplayName() {
            return "Amazon Web Services (Auto Scaling groups)";
        }

        /** Lists AWS credentials only to administrators; anyone else gets back just the value already selected. */
        @POST
        @Override
        public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
            StandardListBoxModel model = new StandardListBoxModel();
            String current = credentialsId == null ? "" : credentialsId;
            if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
                model.includeCurrentValue(current);
                return model;
            }
            model.includeEmptyValue();
            model.includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), AmazonWebServicesCredentials.class, List.of(),
                    CredentialsMatchers.always());
            model.includeCurrentValue(current);
            return model;
        }

        @POST
        public FormValidation doCheckRegions(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return AwsAccountChecks.settings(account("check", value, null, null, null, null));
        }

        @POST
        public FormValidation doCheckRoleArn(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return AwsAccountChecks.settings(account("check", "us-east-1", null, value, null, null));
        }

        @POST
        public FormValidation doCheckEndpoint(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return AwsAccountChecks.settings(account("check", "us-east-1", null, null, null, value));
        }

        @POST
        public FormValidation doCheckDeregistrationDelaySeconds(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return AccountFormChecks.wholeNumber(value, 0, 3600, true);
        }

        @POST
        public FormValidation doCheckMaxInstancesPerServerGroup(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return AccountFormChecks.wholeNumber(value, 1, 10_000, true);
        }

        @POST
        public FormValidation doCheckCacheRefreshSeconds(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return AccountFormChecks.wholeNumber(value, 1, 3600, true);
        }

        /** STS GetCallerIdentity with the form's settings: which AWS account and which role or user they reach. */
        @POST
        public FormValidation doTestConnection(@QueryParameter String name, @QueryParameter String regions,
                                               @QueryParameter String credentialsId, @QueryParameter String profile,
                                               @QueryParameter String roleArn, @QueryParameter String externalId,
                                               @QueryParameter String endpoint) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            FormValidation nameCheck = AccountFormChecks.name(name);
            if (nameCheck.kind != FormValidation.Kind.OK) {
                return nameCheck;
            }
            AwsAccount a = account(name, regions, profile, roleArn, externalId, endpoint);
            a.setCredentialsId(credentialsId);
            return AwsAccountChecks.connection(a.getName(), a.toSpec(null).providerSettings(),
                    new CredentialsSecretResolver(new GlobalCredentialsLookup()));
        }

        private static AwsAccount account(String name, String regions, String profile, String roleArn,
                                          String externalId, String endpoint) {
            AwsAccount a = new AwsAccount(name);
            a.setRegions(FormText.lines(regions == null ? "" : regions.replace(',', '\n')));
            a.setProfile(profile);
            a.setRoleArn(roleArn);
            a.setExternalId(externalId);
            a.setEndpoint(endpoint);
            return a;
        }

        /** The regions arrive as a textarea (one per line); the allowed jobs are taken by the base class. */
        @Override
        public CloudAccount newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
            List<String> regionLines = new FormFields(formData).takeLines("regions");
            CloudAccount account = super.newInstance(req, formData);
            if (regionLines != null && account instanceof AwsAccount aws) {
                aws.setRegions(regionLines);
            }
            return account;
        }

        /** The regions as the textarea shows them. */
        public String regionsText(AwsAccount account) {
            return account == null ? "" : FormText.linesText(account.getRegions());
        }
    }

    /** Throws, naming the field, when the settings are not valid for the AWS provider (no network). */
    void check() {
        new AwsProviderFactory().validate(getName(), toSpec(null).providerSettings());
    }

}
