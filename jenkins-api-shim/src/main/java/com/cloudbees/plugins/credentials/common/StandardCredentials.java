package com.cloudbees.plugins.credentials.common;

import edu.umd.cs.findbugs.annotations.NonNull;

/**
 * Shim of {@code com.cloudbees.plugins.credentials.common.StandardCredentials} (credentials plugin). The
 * {@code @Recommended}/{@code @NameWith} metadata and the nested {@code NameProvider} are omitted.
 */
public interface StandardCredentials extends IdCredentials {
    @NonNull
    String getDescription();
}
