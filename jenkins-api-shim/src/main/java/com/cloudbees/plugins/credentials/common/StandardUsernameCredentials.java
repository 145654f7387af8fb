package com.cloudbees.plugins.credentials.common;

/** Shim of {@code com.cloudbees.plugins.credentials.common.StandardUsernameCredentials} (credentials plugin). */
public interface StandardUsernameCredentials extends StandardCredentials, UsernameCredentials {
}
