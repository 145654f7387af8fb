package com.cloudbees.plugins.credentials;

import hudson.model.Descriptor;

/**
 * Shim of {@code com.cloudbees.plugins.credentials.CredentialsDescriptor} (credentials plugin): the type and its
 * constructors (the real one also implements {@code IconSpec}).
 */
public abstract class CredentialsDescriptor extends Descriptor<Credentials> {
    protected CredentialsDescriptor(Class<? extends Credentials> clazz) {
        super(clazz);
    }

    protected CredentialsDescriptor() {
    }
}
