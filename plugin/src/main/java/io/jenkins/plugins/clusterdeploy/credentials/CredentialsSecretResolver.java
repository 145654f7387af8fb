package io.jenkins.plugins.clusterdeploy.credentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.provider.SecretResolver;

/**
 * The engine's {@link SecretResolver} over Jenkins credentials: a reference is a credentials id, resolved each time
 * a provider asks (nothing is kept here), to a Secret text, Secret file or the password of a Username with password.
 */
public final class CredentialsSecretResolver implements SecretResolver {
    private final CredentialsLookup lookup;

    public CredentialsSecretResolver(CredentialsLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public char[] resolve(String field, String reference) {
        if (reference == null || reference.isBlank()) {
            throw ClusterDeployException.invalid(field, field + ": a credentials id is required");
        }
        return lookup.find(reference)
                .map(c -> CredentialSecrets.secretOf(field, c))
                .orElseThrow(() -> ClusterDeployException.notFound(field, field + ": no credentials with id '"
                        + reference + "' (Manage Jenkins » Credentials, global domain)"));
    }

    /** Credentials that are themselves what the provider needs (AWS credentials: a credentials provider). */
    @Override
    public <T> T resolveObject(String field, String reference, Class<T> type) {
        if (reference == null || reference.isBlank()) {
            throw ClusterDeployException.invalid(field, field + ": a credentials id is required");
        }
        StandardCredentials c = lookup.find(reference).orElseThrow(() -> ClusterDeployException.notFound(field, field
                + ": no credentials with id '" + reference + "' (Manage Jenkins » Credentials, global domain)"));
        if (!type.isInstance(c)) {
            throw ClusterDeployException.invalid(field, field + ": credentials '" + reference + "' are of kind "
                    + c.getClass().getSimpleName() + ", not " + type.getSimpleName());
        }
        return type.cast(c);
    }
}
