package io.clusterdeploy.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.provider.kubernetes.config.ConnectionCheck;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TLS to an API server with a self-signed certificate (the mock over https): trusted through the account's CA
 * bundle, refused without it, accepted only when verification is skipped explicitly.
 */
class TlsTest {
    private static KubernetesMockServer server;
    private static String ca;

    @BeforeAll
    static void start() throws Exception {
        server = new KubernetesMockServer(true);
        server.init(InetAddress.getLoopbackAddress(), 0);
        ca = Files.readString(Path.of(server.getSelfSignedCertificate().certificatePath()));
    }

    @AfterAll
    static void stop() {
        server.destroy();
    }

    private static Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("server", "https://localhost:" + server.getPort());
        s.put("token", KubernetesFixture.TOKEN_REF);
        s.put("namespaces", List.of("prod"));
        s.put("requestRetries", 0);
        s.put("requestTimeoutSeconds", 60); // bounds a hung test only: the first TLS handshake is slow on a loaded machine
        return s;
    }

    @Test
    void theCaBundleIsWhatTheServerIsVerifiedAgainst() {
        Map<String, Object> s = settings();
        s.put("caCertificate", ca);
        assertThat(ConnectionCheck.test("a", s, KubernetesFixture.SECRETS).message()).startsWith("Connected to");
    }

    @Test
    void withoutTheBundleTheServerIsRefused() {
        ConnectionCheck.Result result = ConnectionCheck.test("a", settings(), KubernetesFixture.SECRETS);
        assertThat(result.ok()).isFalse();
        assertThat(result.message()).startsWith("Cannot reach the API server")
                .contains("TLS certificate is not trusted").contains("caCertificate");
    }

    @Test
    void skippingVerificationIsExplicit() {
        Map<String, Object> s = settings();
        s.put("insecureSkipTlsVerify", true);
        assertThat(ConnectionCheck.test("a", s, KubernetesFixture.SECRETS).message()).startsWith("Connected to");
    }
}
