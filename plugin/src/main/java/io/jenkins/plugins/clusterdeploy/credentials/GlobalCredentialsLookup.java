package io.jenkins.plugins.clusterdeploy.credentials;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.security.ACL;
import java.util.Optional;

/**
 * Looks credentials up in the Jenkins root store as SYSTEM, which is where the credentials of a globally
 * configured account live (SYSTEM-scoped ones included). Accounts are started with the engine, outside any build,
 * so there is no {@code Run} to pass to {@code CredentialsProvider.findCredentialById}.
 */
public final class GlobalCredentialsLookup implements CredentialsLookup {
    @Override
    public Optional<StandardCredentials> find(String id) {
        return CredentialsProvider.lookupCredentialsInItem(StandardCredentials.class, null, ACL.SYSTEM2).stream()
                .filter(c -> id.equals(c.getId()))
                .findFirst();
    }
}
