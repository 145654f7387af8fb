package io.clusterdeploy.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.provider.SecretResolver;
import io.clusterdeploy.engine.provider.UpsertLoadBalancerRequest;
import io.clusterdeploy.provider.kubernetes.sim.FaultProxy;
import io.clusterdeploy.provider.kubernetes.sim.SimCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Short-lived credentials are read again before they expire, through fabric8's token provider hook: a rotating
 * token file, and a kubeconfig whose exec plugin hands out a new token. The fault proxy sees the Authorization header
 * of every request.
 */
class TokenRotationTest {
    @TempDir
    Path tmp;
    private SimCluster cluster;
    private KubernetesProvider provider;
    private final AtomicInteger port = new AtomicInteger(8000);

    @BeforeEach
    void start() {
        cluster = SimCluster.apiOnly();
    }

    @AfterEach
    void stop() {
        if (provider != null) {
            provider.close();
        }
        cluster.close();
    }

    /** Makes one write and returns the Authorization header it carried. */
    private String authorizationOfAWrite() {
        cluster.proxy().clearLog();
        provider.upsertLoadBalancer(new UpsertLoadBalancerRequest("hello-web", "prod",
                Map.of("port", port.incrementAndGet())));
        return cluster.proxy().log().stream().filter(FaultProxy.Entry::write).map(FaultProxy.Entry::authorization)
                .reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void aRotatedTokenFileIsUsedOnceItsRefreshIntervalPassed() throws Exception {
        Path token = tmp.resolve("token");
        Files.writeString(token, "token-a\n");
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("server", cluster.apiUrl());
        s.put("tokenFile", token.toString());
        s.put("tokenRefreshSeconds", 1);
        s.put("namespaces", List.of("prod"));
        provider = (KubernetesProvider) new KubernetesProviderFactory().create("k8s", s, SecretResolver.NONE);
        assertThat(authorizationOfAWrite()).isEqualTo("Bearer token-a");
        Files.writeString(token, "token-b\n");
        Thread.sleep(1_500); // past the refresh interval, which is what is tested
        assertThat(authorizationOfAWrite()).isEqualTo("Bearer token-b");
    }

    @Test
    void aKubeconfigExecPluginIsRunAgainBeforeItsTokenExpires() throws Exception {
        Path token = tmp.resolve("exec-token");
        Files.writeString(token, "exec-a");
        String kubeconfig = """
                apiVersion: v1
                kind: Config
                current-context: sim
                clusters:
                - name: sim
                  cluster:
                    server: %s
                contexts:
                - name: sim
                  context: {cluster: sim, user: robot}
                users:
                - name: robot
                  user:
                    exec:
                      apiVersion: client.authentication.k8s.io/v1
                      command: /bin/sh
                      args: ["-c", "printf '{\\"apiVersion\\":\\"client.authentication.k8s.io/v1\\",\\"kind\\":\\"ExecCredential\\",\\"status\\":{\\"token\\":\\"%%s\\"}}' \\"$(cat %s)\\""]
                      interactiveMode: Never
                """.formatted(cluster.apiUrl(), token);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("kubeconfig", "env:KUBECONFIG_TEXT");
        s.put("context", "sim");
        s.put("tokenRefreshSeconds", 1);
        s.put("namespaces", List.of("prod"));
        SecretResolver secrets = (field, ref) -> kubeconfig.toCharArray();
        provider = (KubernetesProvider) new KubernetesProviderFactory().create("k8s", s, secrets);
        assertThat(authorizationOfAWrite()).isEqualTo("Bearer exec-a");
        Files.writeString(token, "exec-b");
        Thread.sleep(1_500);
        assertThat(authorizationOfAWrite()).isEqualTo("Bearer exec-b");
    }
}
