package io.jenkins.plugins.clusterdeploy.credentials;

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
}
