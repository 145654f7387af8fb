package com.cloudbees.plugins.credentials;

import java.io.Serializable;

/**
 * Shim of {@code com.cloudbees.plugins.credentials.CredentialsScope} (credentials plugin): the constants; the real
 * abstract {@code getDisplayName()}/{@code isVisible(ModelObject)} are omitted.
 */
public enum CredentialsScope implements Serializable {
    SYSTEM,
    GLOBAL,
    USER
}
