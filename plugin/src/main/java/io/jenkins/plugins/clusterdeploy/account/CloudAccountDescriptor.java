package io.jenkins.plugins.clusterdeploy.account;

import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.clusterdeploy.credentials.CredentialsListing;
import io.jenkins.plugins.clusterdeploy.form.FormFields;
import io.jenkins.plugins.clusterdeploy.form.FormText;
import java.util.List;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * Base of the account descriptors: the field checks and the credentials drop-down every account type shares.
 * Every web method is POST-only and checks Overall/Administer first (accounts live in the global configuration).
 */
public abstract class CloudAccountDescriptor extends Descriptor<CloudAccount> {

    protected CloudAccountDescriptor(Class<? extends CloudAccount> clazz) {
        super(clazz);
    }

    /** True when an empty allowlist lets no job in, for the form's hint. */
    public boolean isAllowlistRequired() {
        return false;
    }

    @POST
    public FormValidation doCheckName(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return AccountFormChecks.name(value);
    }

    @POST
    public FormValidation doCheckAllowedJobs(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return AccountFormChecks.allowedJobs(value, isAllowlistRequired());
    }

    /** Lists credentials ids only to administrators; anyone else gets back just the value already selected. */
    @POST
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
        return CredentialsListing.items(Jenkins.get().hasPermission(Jenkins.ADMINISTER), credentialsId);
    }

    /** The allowed jobs arrive as a textarea: one pattern per line. */
    @Override
    public CloudAccount newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
        List<String> allowed = new FormFields(formData).takeLines("allowedJobs");
        CloudAccount account = super.newInstance(req, formData);
        if (allowed != null) {
            account.setAllowedJobs(allowed);
        }
        return account;
    }

    /** The allowed jobs as the textarea shows them. */
    public String allowedJobsText(CloudAccount account) {
        return account == null ? "" : FormText.linesText(account.getAllowedJobs());
    }
}
