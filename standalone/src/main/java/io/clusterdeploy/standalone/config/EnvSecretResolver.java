package io.clusterdeploy.standalone.config;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.provider.SecretResolver;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Resolves {@code env:NAME} references from environment variables. Other schemes are refused
 * until someone adds them. Error messages name the reference, never the secret.
 */
public final class EnvSecretResolver implements SecretResolver {
    private static final String PREFIX = "env:";
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Function<String, String> environment;

    /** @param environment looks a variable up; {@code System::getenv} outside tests */
    public EnvSecretResolver(Function<String, String> environment) {
        this.environment = environment;
    }

    public static EnvSecretResolver system() {
        return new EnvSecretResolver(System::getenv);
    }

    @Override
    public char[] resolve(String field, String reference) {
        if (reference == null || !reference.startsWith(PREFIX)) {
            throw ClusterDeployException.invalid(field, field + ": unsupported secret reference '" + reference
                    + "'; expected env:NAME (an environment variable)");
        }
        String name = reference.substring(PREFIX.length());
        if (!NAME.matcher(name).matches()) {
            throw ClusterDeployException.invalid(field, field + ": '" + name + "' is not a valid environment variable name");
        }
        String value = environment.apply(name);
        if (value == null || value.isEmpty()) {
            throw ClusterDeployException.notFound(field, field + ": environment variable " + name + " is not set");
        }
        return value.toCharArray();
    }
}
