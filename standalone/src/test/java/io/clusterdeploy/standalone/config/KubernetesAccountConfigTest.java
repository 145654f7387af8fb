package io.clusterdeploy.standalone.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.provider.Accounts;
import io.clusterdeploy.engine.provider.ProviderTypes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone server knows the kubernetes type: its accounts are checked field by field and built. */
class KubernetesAccountConfigTest {
    @TempDir
    Path tmp;

    private final ProviderTypes types = ProviderTypes.discover(ProviderTypes.class.getClassLoader());

    private StandaloneConfig load(String yaml) throws IOException {
        Path file = tmp.resolve("config.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader(types).load(file);
    }

    @Test
    void aBadKubernetesAccountIsNamedByItsPosition() throws IOException {
        StandaloneConfig config = load("""
                accounts:
                  - name: prod-k8s
                    type: kubernetes
                    server: https://10.0.0.1:6443
                    token: env:K8S_TOKEN
                    namespaces: [hello-prod, Hello_Staging]
                """);
        ClusterDeployException e = catchThrowableOfType(ClusterDeployException.class,
                () -> new AccountsBuilder(types, EnvSecretResolver.system()).build(config, "config.yaml"));
        assertThat(e.field()).isEqualTo("accounts[0].namespaces[1]");
        assertThat(e.getMessage()).contains("DNS-1123");
    }

    @Test
    void aKubernetesAccountIsBuiltWithItsTokenFromTheEnvironmentAndShowsNoSecret() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // nothing listens: building the account opens no connection it waits for
        }
        StandaloneConfig config = load("""
                accounts:
                  - name: prod-k8s
                    type: kubernetes
                    server: http://127.0.0.1:%d
                    token: env:K8S_TOKEN
                    namespaces: [hello-prod]
                """.formatted(port));
        EnvSecretResolver secrets = new EnvSecretResolver(Map.of("K8S_TOKEN", "t0k3n-value")::get);
        try (Accounts accounts = new AccountsBuilder(types, secrets).build(config, "config.yaml")) {
            assertThat(accounts.list()).singleElement().satisfies(a -> {
                assertThat(a.provider()).isEqualTo("kubernetes");
                assertThat(a.locations()).containsExactly("hello-prod");
                assertThat(a.toString()).doesNotContain("t0k3n-value");
            });
        }
    }
}
