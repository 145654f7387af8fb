package io.clusterdeploy.standalone.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clusterdeploy.engine.json.Json;
import io.clusterdeploy.standalone.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The whole demo in-process, as {@code demo --exit --json} runs it: real server, real local
 * processes, real load through the real load balancer.
 */
class DemoEndToEndTest {
    @TempDir
    Path tmp;

    private final Json json = new Json();

    @Test
    @SuppressWarnings("unchecked")
    void redBlackDeployUnderLoadLosesNoRequest() throws Exception {
        Path state = tmp.resolve("state");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Cli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("demo", "--exit", "--json", "--state-dir", state.toString());

        assertThat(exit).as("exit code; stderr:%n%s%nstdout:%n%s", err, out).isZero();
        // stdout is exactly one JSON object.
        Map<String, Object> report = json.readObject(out.toString());
        assertThat(out.toString().trim()).startsWith("{").endsWith("}");

        assertThat(((Number) report.get("requests")).longValue()).isGreaterThan(50);
        assertThat(report).containsEntry("failedRequests", 0);
        assertThat(report).containsEntry("versionsBefore", List.of("v1"));
        assertThat(report).containsEntry("versionsAfter", List.of("v2"));
        assertThat(report).containsEntry("passed", true);
        assertThat((Map<String, Object>) report.get("loadBalancer")).containsEntry("name", "hello-prod")
                .containsKey("address");
        assertThat((Map<String, Object>) report.get("deploy")).containsEntry("status", "SUCCEEDED");

        List<Map<String, Object>> steps = (List<Map<String, Object>>) report.get("steps");
        assertThat(steps).extracting(s -> s.get("name"))
                .containsSubsequence("createServerGroup", "waitForHealthy", "disablePreviousServerGroups");
        assertThat(steps).allSatisfy(s -> assertThat(s).containsEntry("status", "SUCCEEDED"));

        List<Map<String, Object>> groups = (List<Map<String, Object>>) report.get("serverGroups");
        assertThat(groups).hasSize(2);
        assertThat(groups).filteredOn(g -> "hello-prod-v000".equals(g.get("name"))).singleElement()
                .satisfies(g -> assertThat(g).containsEntry("enabled", false).containsEntry("instances", 3));
        assertThat(groups).filteredOn(g -> "hello-prod-v001".equals(g.get("name"))).singleElement()
                .satisfies(g -> assertThat(g).containsEntry("enabled", true).containsEntry("instances", 3)
                        .containsEntry("up", 3));

        String token = Files.readString(state.resolve("token")).trim();
        assertThat(out.toString()).doesNotContain(token);
        assertThat(err.toString()).doesNotContain(token);

        // --exit stopped the server and with it every instance: no orphans.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty());
    }
}
