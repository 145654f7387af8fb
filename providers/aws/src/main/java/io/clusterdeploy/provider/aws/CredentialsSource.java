package io.clusterdeploy.provider.aws;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Fields;
import java.util.regex.Pattern;

/**
 * Where an account's base credentials come from. Secrets are never held here: static keys are references the
 * front end's {@link io.clusterdeploy.engine.provider.SecretResolver} turns into values when a client is built.
 */
sealed interface CredentialsSource {
    String KEY = "credentials";
    /** Set by the Jenkins binding: the id of an {@code AmazonWebServicesCredentials} in the credentials store. */
    String CREDENTIALS_ID = "credentialsId";

    /** A key pair (and optional session token), each a secret reference such as {@code env:AWS_SECRET_ACCESS_KEY}. */
    record StaticKeys(String accessKeyIdRef, String secretAccessKeyRef, String sessionTokenRef) implements CredentialsSource {
    }

    /** A named profile of the AWS shared config and credentials files of the machine the server runs on. */
    record Profile(String name) implements CredentialsSource {
    }

    /** The SDK's default chain: environment, system properties, web identity, shared files, container or instance role. */
    record DefaultChain() implements CredentialsSource {
    }

    /** A credentials object the front end resolves by id: Jenkins' AWS credentials (with their own role, if any). */
    record StoredCredentials(String id) implements CredentialsSource {
    }

    Pattern PROFILE = Pattern.compile("[A-Za-z0-9._@+=,-]{1,128}");

    static CredentialsSource parse(Fields account) {
        boolean hasStored = account.has(CREDENTIALS_ID);
        boolean hasCredentials = account.has(KEY);
        if (hasStored && hasCredentials) {
            throw ClusterDeployException.invalid(account.path(KEY), "use either " + account.path(KEY) + " or "
                    + account.path(CREDENTIALS_ID) + ", not both");
        }
        if (hasStored) {
            return new StoredCredentials(account.requiredString(CREDENTIALS_ID));
        }
        if (!hasCredentials) {
            return new DefaultChain();
        }
        Fields c = account.object(KEY);
        String type = c.optionalString("type", null);
        boolean keys = c.has("accessKeyId") || c.has("secretAccessKey");
        String profile = c.optionalString("profile", null);
        if (type == null) {
            type = keys ? "static" : profile != null ? "profile" : "default";
        }
        CredentialsSource source = switch (type) {
            case "static" -> {
                String id = c.requiredString("accessKeyId");
                String secret = c.requiredString("secretAccessKey");
                String token = c.optionalString("sessionToken", null);
                yield new StaticKeys(id, secret, token == null || token.isBlank() ? null : token);
            }
            case "profile" -> {
                String name = c.requiredString("profile");
                if (!PROFILE.matcher(name).matches()) {
                    throw ClusterDeployException.invalid(c.path("profile"), c.path("profile") + ": '" + name
                            + "' is not a valid profile name");
                }
                yield new Profile(name);
            }
            case "default" -> new DefaultChain();
            default -> throw ClusterDeployException.invalid(c.path("type"), c.path("type")
                    + " must be static, profile or default, was '" + type + "'");
        };
        if (!(source instanceof StaticKeys) && keys) {
            throw ClusterDeployException.invalid(c.path("accessKeyId"), c.path("accessKeyId") + " applies only to "
                    + c.path("type") + " static");
        }
        if (!(source instanceof Profile) && profile != null) {
            throw ClusterDeployException.invalid(c.path("profile"), c.path("profile") + " applies only to "
                    + c.path("type") + " profile");
        }
        c.rejectUnknown();
        return source;
    }
}
