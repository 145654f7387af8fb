package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import edu.umd.cs.findbugs.annotations.NonNull;

/** Shim of {@code com.cloudbees.plugins.credentials.common.UsernameCredentials} (credentials plugin). */
public interface UsernameCredentials extends Credentials {
    @NonNull
    String getUsername();

    default boolean isUsernameSecret() {
        return true;
    }
}
