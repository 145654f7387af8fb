package com.cloudbees.plugins.credentials.common;

/** Shim of {@code com.cloudbees.plugins.credentials.common.UsernamePasswordCredentials} (credentials plugin). */
public interface UsernamePasswordCredentials extends UsernameCredentials, PasswordCredentials {
}
