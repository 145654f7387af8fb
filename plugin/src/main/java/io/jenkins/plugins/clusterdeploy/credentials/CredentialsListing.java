package io.jenkins.plugins.clusterdeploy.credentials;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The credentials drop-down of an account: the kinds {@link CredentialSecrets} understands, from the root store.
 * Without the right to enumerate it answers only the value already selected, so no credentials id leaks.
 */
public final class CredentialsListing {
    private CredentialsListing() {
    }

    /** @param mayEnumerate whether the caller may see the ids in the store (Overall/Administer) */
    public static ListBoxModel items(boolean mayEnumerate, String currentValue) {
        StandardListBoxModel model = new StandardListBoxModel();
        if (!mayEnumerate) {
            model.includeCurrentValue(currentValue == null ? "" : currentValue);
            return model;
        }
        model.includeEmptyValue();
        model.includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), StandardCredentials.class, List.of(),
                CredentialsMatchers.anyOf(CredentialsMatchers.instanceOf(StringCredentials.class),
                        CredentialsMatchers.instanceOf(FileCredentials.class),
                        CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class)));
        model.includeCurrentValue(currentValue == null ? "" : currentValue);
        return model;
    }
}
