package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;

/** Shim of {@code com.cloudbees.plugins.credentials.common.PasswordCredentials} (credentials plugin). */
public interface PasswordCredentials extends Credentials {
    @NonNull
    Secret getPassword();
}
