package io.jenkins.plugins.clusterdeploy.account;

import io.clusterdeploy.engine.error.ClusterDeployException;
import java.util.regex.Pattern;

/** The account name rule shared with the standalone server: names appear in URLs, file names and logs. */
public final class AccountNames {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    private AccountNames() {
    }

    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** INVALID_INPUT naming {@code field} unless {@code name} is a valid account name. */
    public static void check(String field, String name) {
        if (name == null || name.isBlank()) {
            throw ClusterDeployException.invalid(field, field + " is required");
        }
        if (!isValid(name)) {
            throw ClusterDeployException.invalid(field, field + ": '" + name
                    + "' is not a valid account name (letters, digits, '.', '_', '-'; starting with a letter or digit;"
                    + " at most 63)");
        }
    }
}
