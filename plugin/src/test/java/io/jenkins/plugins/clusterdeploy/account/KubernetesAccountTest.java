package io.jenkins.plugins.clusterdeploy.account;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.util.FormValidation;
import io.clusterdeploy.engine.provider.ProviderTypes;
import io.clusterdeploy.engine.provider.SecretResolver;
import io.jenkins.plugins.clusterdeploy.credentials.SecretScrubber;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Kubernetes account as the engine sees it, its form checks, and a failed connection test that leaks nothing. */
class KubernetesAccountTest {
    private static final AccountDefaults DEFAULTS = new AccountDefaults(Path.of("/tmp/unused"));

    @Test
    void mapsToTheKubernetesProvidersSettingsWithTheCredentialsReference() {
        KubernetesAccount a = new KubernetesAccount(" prod ");
        a.setServer(" https://10.0.0.1:6443 ");
        a.setCredentialsId("k8s-token");
        a.setNamespaces(Arrays.asList("team-a\nteam-b", " ", null));
        a.setEndpointPropagationSeconds(3);
        AccountSpec spec = a.toSpec(DEFAULTS);
        assertThat(spec.type()).isEqualTo("kubernetes");
        assertThat(spec.credentialsId()).isEqualTo("k8s-token");
        assertThat(spec.providerSettings()).isEqualTo(Map.of("server", "https://10.0.0.1:6443",
                "namespaces", List.of("team-a", "team-b"), "endpointPropagationSeconds", 3,
                "credentialsId", "k8s-token"));
        // What the factory of the type accepts, checked by the factory itself (found as Jenkins finds it).
        ProviderTypes.discover(getClass().getClassLoader()).require("type", spec.type())
                .validate(spec.name(), spec.providerSettings());
        assertThat(spec.allowlistRequired()).isFalse();
    }

    @Test
    void formChecksNameTheRuleBroken() {
        assertThat(KubernetesAccountChecks.namespaces("prod\nProd").renderHtml()).contains("upper-case");
        assertThat(KubernetesAccountChecks.namespaces("prod\nprod").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(KubernetesAccountChecks.namespaces("").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(KubernetesAccountChecks.namespaces("a\nb-2").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(KubernetesAccountChecks.server("http://10.1.1.1").renderHtml()).contains("plain http");
        assertThat(KubernetesAccountChecks.server("https://k8s.example:6443").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(KubernetesAccountChecks.tls("-----BEGIN CERTIFICATE-----", true).kind)
                .isEqualTo(FormValidation.Kind.ERROR);
        assertThat(KubernetesAccountChecks.tls(null, true).kind).isEqualTo(FormValidation.Kind.WARNING);
    }

    @Test
    void aFailedConnectionTestSaysWhyWithoutTheToken() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        String token = "s3cr3t-token-value";
        SecretScrubber secrets = new SecretScrubber((SecretResolver) (field, ref) -> token.toCharArray());
        FormValidation v = KubernetesAccountChecks.connection("prod", KubernetesAccount.settings(
                "http://127.0.0.1:" + closedPort, null, List.of("prod"), null, false, 2, 0, null)
                .entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue,
                        (x, y) -> x, () -> withCredentials("k8s-token"))), secrets);
        assertThat(v.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(v.renderHtml()).contains("Cannot reach the API server").doesNotContain(token);
    }

    private static java.util.LinkedHashMap<String, Object> withCredentials(String id) {
        java.util.LinkedHashMap<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("credentialsId", id);
        return m;
    }
}
