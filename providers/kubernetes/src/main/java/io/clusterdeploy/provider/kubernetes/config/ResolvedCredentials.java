package io.clusterdeploy.provider.kubernetes.config;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.provider.kubernetes.manifest.SafeManifest;
import java.util.List;
import java.util.Map;

/**
 * What a credentials secret turned out to hold. A Jenkins credential arrives as characters only, so its kind is told
 * from its content: a kubeconfig is a YAML object with {@code clusters}, a client certificate is PEM with a
 * certificate and a private key, anything else on one line is a bearer token.
 */
enum ResolvedCredentials {
    TOKEN, CLIENT_CERTIFICATE, KUBECONFIG;

    static ResolvedCredentials detect(String field, String content) {
        String text = content.strip();
        if (text.contains("-----BEGIN CERTIFICATE-----")) {
            if (!text.contains("PRIVATE KEY-----")) {
                throw ClusterDeployException.invalid(field, field + ": the PEM holds a certificate but no private key;"
                        + " a client certificate credential needs both");
            }
            return CLIENT_CERTIFICATE;
        }
        if (text.contains("\n") || text.startsWith("apiVersion") || text.startsWith("{")) {
            Map<String, Object> doc = SafeManifest.parse(field, text);
            if (!(doc.get("clusters") instanceof List<?>)) {
                throw ClusterDeployException.invalid(field, field + ": the secret is neither a token (one line), a PEM"
                        + " client certificate and key, nor a kubeconfig (no 'clusters')");
            }
            return KUBECONFIG;
        }
        if (text.chars().anyMatch(c -> c <= ' ')) {
            throw ClusterDeployException.invalid(field, field + ": a token must not contain spaces or control characters");
        }
        return TOKEN;
    }
}
