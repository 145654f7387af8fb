package io.jenkins.plugins.clusterdeploy.credentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import java.util.Optional;

/** Finds credentials by id at the moment they are needed; implementations never cache what they find. */
@FunctionalInterface
public interface CredentialsLookup {
    Optional<StandardCredentials> find(String id);
}
