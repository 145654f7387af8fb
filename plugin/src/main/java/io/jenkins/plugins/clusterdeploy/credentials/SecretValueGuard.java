package io.jenkins.plugins.clusterdeploy.credentials;

import io.clusterdeploy.engine.error.ClusterDeployException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Refuses a request that carries the value of a secret (say, a {@code withCredentials} variable put into
 * {@code spec.env}): requests are stored with the operation and shown by the API, so a secret must never be part
 * of one. The error names the parameter, never the value.
 */
public final class SecretValueGuard {
    private static final int SHORTEST_CHECKED = 4;

    private SecretValueGuard() {
    }

    public static void check(Map<String, Object> request, Collection<String> secrets) {
        List<String> checked = secrets.stream().filter(s -> s != null && s.length() >= SHORTEST_CHECKED).toList();
        if (!checked.isEmpty()) {
            scan("", request, checked);
        }
    }

    private static void scan(String path, Object value, List<String> secrets) {
        if (value instanceof String s) {
            for (String secret : secrets) {
                if (s.contains(secret)) {
                    throw ClusterDeployException.invalid(path, path + " contains the value of a secret (a credentials"
                            + " variable); secrets must not be part of a request, which is stored and shown by the API");
                }
            }
        } else if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> scan(path.isEmpty() ? String.valueOf(k) : path + "." + k, v, secrets));
        } else if (value instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                scan(path + "[" + i + "]", l.get(i), secrets);
            }
        }
    }
}
