package io.jenkins.plugins.clusterdeploy.account;

import hudson.util.FormValidation;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.provider.SecretResolver;
import io.clusterdeploy.provider.kubernetes.config.ConnectionCheck;
import io.clusterdeploy.provider.kubernetes.config.KubernetesSettings;
import io.clusterdeploy.provider.kubernetes.manifest.KubernetesNames;
import io.jenkins.plugins.clusterdeploy.form.FormText;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the Kubernetes account form's checks answer; the descriptor checks permissions, then asks here. */
public final class KubernetesAccountChecks {
    private KubernetesAccountChecks() {
    }

    public static FormValidation server(String value) {
        if (value == null || value.isBlank()) {
            return FormValidation.ok("Leave empty only when the credential is a kubeconfig, which names the server.");
        }
        try {
            KubernetesSettings.checkServer("server", value.strip());
            return FormValidation.ok();
        } catch (ClusterDeployException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    public static FormValidation namespaces(String value) {
        List<String> lines = FormText.lines(value == null ? "" : value);
        if (lines.isEmpty()) {
            return FormValidation.error("List at least one namespace the account may deploy to.");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            try {
                KubernetesNames.requireDns1123Label("namespaces[" + i + "]", "namespace", lines.get(i));
            } catch (ClusterDeployException e) {
                return FormValidation.error(e.getMessage());
            }
            if (!seen.add(lines.get(i))) {
                return FormValidation.error("Namespace '" + lines.get(i) + "' is listed twice.");
            }
        }
        return FormValidation.ok();
    }

    public static FormValidation tls(String caCertificate, boolean insecureSkipTlsVerify) {
        boolean hasCa = caCertificate != null && !caCertificate.isBlank();
        if (hasCa && insecureSkipTlsVerify) {
            return FormValidation.error("Either verify the server against this CA bundle or skip verification, not both.");
        }
        if (hasCa && !caCertificate.contains("-----BEGIN CERTIFICATE-----")) {
            return FormValidation.error("The CA bundle must be PEM text (-----BEGIN CERTIFICATE-----).");
        }
        if (insecureSkipTlsVerify) {
            return FormValidation.warning("The server's certificate will not be verified: anyone on the network path"
                    + " can impersonate the API server and take the credentials.");
        }
        return FormValidation.ok();
    }

    static FormValidation connection(String name, Map<String, Object> settings, SecretResolver secrets) {
        return KubernetesAccount.report(ConnectionCheck.test(name, settings, secrets), secrets);
    }
}
