package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import edu.umd.cs.findbugs.annotations.NonNull;

/** Shim of {@code com.cloudbees.plugins.credentials.common.IdCredentials} (credentials plugin); {@code Helpers} omitted. */
public interface IdCredentials extends Credentials {
    @NonNull
    String getId();
}
