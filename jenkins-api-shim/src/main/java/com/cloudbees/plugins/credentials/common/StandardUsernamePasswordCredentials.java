package com.cloudbees.plugins.credentials.common;

/** Shim of {@code com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials} (credentials plugin). */
public interface StandardUsernamePasswordCredentials extends StandardUsernameCredentials, UsernamePasswordCredentials {
}
