package io.clusterdeploy.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.provider.ProviderTypes;
import io.clusterdeploy.provider.kubernetes.config.KubernetesSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An account's settings: every error names its field; nothing connects while checking. */
class KubernetesSettingsTest {
    private static Map<String, Object> base() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("server", "https://10.0.0.1:6443");
        s.put("token", "env:K8S_TOKEN");
        s.put("namespaces", List.of("prod"));
        return s;
    }

    private static void refused(Map<String, Object> settings, String field, String text) {
        assertThatThrownBy(() -> new KubernetesProviderFactory().validate("a", settings))
                .isInstanceOf(ClusterDeployException.class)
                .hasMessageContaining(text)
                .satisfies(e -> assertThat(((ClusterDeployException) e).field()).isEqualTo(field));
    }

    @Test
    void theFactoryIsRegisteredForServiceLoader() {
        assertThat(ProviderTypes.discover(getClass().getClassLoader()).known()).contains("kubernetes");
    }

    @Test
    void goodSettingsParse() {
        KubernetesSettings s = KubernetesSettings.parse("a", base());
        assertThat(s.namespaces()).containsExactly("prod");
        assertThat(s.credentials().source()).isEqualTo(KubernetesSettings.Source.TOKEN);
        assertThat(s.requestRetries()).isEqualTo(4);
        assertThat(s.endpointPropagation().toSeconds()).isEqualTo(5);
    }

    @Test
    void everyMistakeNamesItsField() {
        Map<String, Object> s = base();
        s.remove("namespaces");
        refused(s, "accounts[a].namespaces", "is required");
        s = base();
        s.put("namespaces", List.of("Prod"));
        refused(s, "accounts[a].namespaces[0]", "DNS-1123");
        s = base();
        s.put("server", "http://10.0.0.1:8080");
        refused(s, "accounts[a].server", "plain http");
        s = base();
        s.put("kubeconfig", "env:KUBECONFIG_TEXT");
        refused(s, "accounts[a].kubeconfig", "only one kind of credentials");
        s = base();
        s.put("caCertificate", "-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----");
        s.put("insecureSkipTlsVerify", true);
        refused(s, "accounts[a].insecureSkipTlsVerify", "contradicts");
        s = base();
        s.put("context", "c");
        refused(s, "accounts[a].context", "only applies to a kubeconfig");
        s = base();
        s.put("tokenFile", "relative/token");
        s.remove("token");
        refused(s, "accounts[a].tokenFile", "absolute");
        s = base();
        s.put("requestRetries", 50);
        refused(s, "accounts[a].requestRetries", "between 0 and 10");
        s = base();
        s.put("nameSpaces", List.of("x"));
        refused(s, "accounts[a].nameSpaces", "unknown field");
        s = base();
        s.remove("server");
        refused(s, "accounts[a].server", "is required");
    }

    @Test
    void aKubeconfigMayNameTheServer() {
        Map<String, Object> s = base();
        s.remove("server");
        s.remove("token");
        s.put("kubeconfig", "env:KUBECONFIG_TEXT");
        s.put("context", "prod");
        assertThat(KubernetesSettings.parse("a", s).credentials().source()).isEqualTo(KubernetesSettings.Source.KUBECONFIG);
    }
}
