package io.clusterdeploy.standalone.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clusterdeploy.standalone.demo.SampleAppCommand;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server is SIGKILLed in the middle of a red/black deploy. A new server on the same
 * state directory adopts the running instances, resumes the deploy and finishes it: no
 * duplicated server group, no duplicated or orphaned process, and v2 answers.
 */
class CrashRestartProcessTest {
    private static final String APP = "crashy";

    @TempDir
    Path tmp;
    private ServeProcess first;
    private ServeProcess second;

    @AfterEach
    void cleanUp() {
        for (ServeProcess s : new ServeProcess[] {first, second}) {
            if (s != null) {
                s.close();
            }
        }
        instances().forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * Live instances of this test, wherever they were reparented: one process each, the one the server
     * started (in a PID namespace that is {@code unshare}; the app it runs carries the same arguments).
     */
    private static Set<ProcessHandle> instances() {
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive).filter(p -> p.info().arguments()
                .map(a -> Arrays.asList(a).stream().anyMatch(s -> s.startsWith(APP + "-prod-v00"))).orElse(false))
                .filter(p -> p.parent().flatMap(parent -> parent.info().command())
                        .map(c -> !c.endsWith("/unshare")).orElse(true))
                .collect(Collectors.toSet());
    }

    private static Map<String, Object> deploy(String strategy, String version, Map<String, Object> extra) {
        Map<String, Object> r = new HashMap<>(Map.of("type", "deploy", "account", "local", "application", APP,
                "stack", "prod", "strategy", strategy, "capacity", Map.of("min", 2, "desired", 2, "max", 2),
                "loadBalancers", List.of(APP + "-prod"), "spec", SampleAppCommand.spec(version)));
        r.putAll(extra);
        return r;
    }

    @Test
    void aKilledServerResumesItsDeployAndAdoptsItsInstances() throws Exception {
        Path state = tmp.resolve("state");
        Path config = Files.writeString(tmp.resolve("config.yaml"), """
                stateDir: %s
                accounts:
                  - name: local
                    type: local
                    healthCheckIntervalMillis: 100
                """.formatted(state));
        int lbPort;
        try (ServerSocket s = new ServerSocket(0)) {
            lbPort = s.getLocalPort();
        }
        first = ServeProcess.start(config, tmp.resolve("first.err"));
        assertThat(first.awaitEnd(first.start(Map.of("type", "upsertLoadBalancer", "account", "local",
                "name", APP + "-prod", "spec", Map.of("port", lbPort))), Duration.ofSeconds(60))).isEqualTo("SUCCEEDED");
        assertThat(first.awaitEnd(first.start(deploy("none", "v1", Map.of())), Duration.ofSeconds(120)))
                .isEqualTo("SUCCEEDED");

        String id = first.start(deploy("redblack", "v2", Map.of("delayBeforeDisableSec", 3)));
        await().atMost(Duration.ofSeconds(120)).until(() -> first.get("/operations/" + id).contains("\"waitBeforeDisable\""));
        Set<Long> before = instances().stream().map(ProcessHandle::pid).collect(Collectors.toSet());
        assertThat(before).as("v1 and v2 instances running").hasSize(4);

        first.process.destroyForcibly(); // SIGKILL: no shutdown hook runs
        first.process.waitFor();
        assertThat(instances().stream().map(ProcessHandle::pid).collect(Collectors.toSet()))
                .as("a real cloud keeps running while the server is down").isEqualTo(before);

        second = ServeProcess.start(config, tmp.resolve("second.err"));
        assertThat(second.awaitEnd(id, Duration.ofSeconds(120))).as(Files.readString(tmp.resolve("second.err")))
                .isEqualTo("SUCCEEDED");

        String clusters = second.get("/applications/" + APP + "/clusters");
        assertThat(clusters).contains(APP + "-prod-v000").contains(APP + "-prod-v001").doesNotContain(APP + "-prod-v002");
        assertThat(instances().stream().map(ProcessHandle::pid).collect(Collectors.toSet()))
                .as("the same processes, adopted, none started twice").isEqualTo(before);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + lbPort + "/")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"version\":\"v2\"");
        assertThat(second.getObject("/operations/" + id).get("steps").toString()).contains("INTERRUPTED");

        second.process.destroy(); // SIGTERM: a clean stop leaves nothing running
        second.process.waitFor();
        await().atMost(Duration.ofSeconds(60)).until(() -> instances().isEmpty());
    }
}
