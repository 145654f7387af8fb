package io.clusterdeploy.engine.provider;

/**
 * Turns a credentials reference (a Jenkins credentialsId, an environment variable name) into
 * the secret. Front ends implement it; providers never read secrets from their own settings.
 */
@FunctionalInterface
public interface SecretResolver {

    /** The secret for {@code reference}; throws ClusterDeployException NOT_FOUND naming {@code field}. */
    char[] resolve(String field, String reference);

    SecretResolver NONE = (field, reference) -> {
        throw io.clusterdeploy.engine.error.ClusterDeployException.invalid(field,
                field + ": no credentials store is configured");
    };
}
