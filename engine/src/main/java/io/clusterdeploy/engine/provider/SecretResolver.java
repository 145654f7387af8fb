package io.clusterdeploy.engine.provider;

/**
 * Turns a credentials reference (a Jenkins credentialsId, an environment variable name) into
 * the secret. Front ends implement it; providers never read secrets from their own settings.
 */
@FunctionalInterface
public interface SecretResolver {

    /** The secret for {@code reference}; throws ClusterDeployException NOT_FOUND naming {@code field}. */
    char[] resolve(String field, String reference);

    /**
     * A credentials object of {@code type} for {@code reference}, for clouds whose credentials are more than one
     * secret and refresh themselves (Jenkins' AWS credentials: a key pair, perhaps a role to assume, handed to the
     * AWS SDK as its credentials provider). Front ends whose store holds such objects override this; the default
     * has none and refuses, naming {@code field}.
     */
    default <T> T resolveObject(String field, String reference, Class<T> type) {
        throw io.clusterdeploy.engine.error.ClusterDeployException.invalid(field, field
                + ": this front end has no stored credentials of type " + type.getSimpleName()
                + "; give the credentials in the account's settings instead");
    }

    SecretResolver NONE = (field, reference) -> {
        throw io.clusterdeploy.engine.error.ClusterDeployException.invalid(field,
                field + ": no credentials store is configured");
    };
}
