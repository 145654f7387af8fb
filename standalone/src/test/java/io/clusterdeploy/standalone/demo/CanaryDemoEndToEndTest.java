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
 * {@code demo --canary --exit --json} in-process: a bad canary fails and production keeps v1, a good one is promoted
 * by red/black, over real processes, real load and the load balancer's own counts.
 */
class CanaryDemoEndToEndTest {
    @TempDir
    Path tmp;

    private final Json json = new Json();

    @Test
    @SuppressWarnings("unchecked")
    void aBadCanaryFailsAndAGoodOneIsPromoted() throws Exception {
        Path state = tmp.resolve("state");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Cli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        long began = System.nanoTime();

        int exit = cli.execute("demo", "--canary", "--exit", "--json", "--state-dir", state.toString());

        System.out.printf("demo --canary took %d s%n", Duration.ofNanos(System.nanoTime() - began).toSeconds());
        assertThat(exit).as("exit code; stderr:%n%s%nstdout:%n%s", err, out).isZero();
        Map<String, Object> report = json.readObject(out.toString());
        assertThat(report).containsEntry("passed", true).containsEntry("versionsAfter", List.of("v3"));

        Map<String, Object> bad = (Map<String, Object>) report.get("badCanary");
        assertThat(bad).containsEntry("status", "FAILED").containsEntry("decision", "fail")
                .containsEntry("classification", "Fail");
        assertThat((List<Map<String, Object>>) bad.get("metrics")).extracting(m -> m.get("name"))
                .containsExactly("error rate", "latency p50");
        assertThat((List<Map<String, Object>>) bad.get("metrics")).allSatisfy(m -> assertThat(m.get("reason")).isNotNull());
        // Failures only while the bad canary took its 20%, about 30% of those answers: far fewer than all requests.
        long badRequests = ((Number) bad.get("requestsWhileItRan")).longValue();
        long badFailures = ((Number) bad.get("failedRequestsWhileItRan")).longValue();
        assertThat(badFailures).isLessThanOrEqualTo((long) Math.ceil(0.2 * 0.3 * badRequests * 1.5 + 10));
        assertThat(((Number) report.get("failedRequests")).longValue()).isEqualTo(badFailures);

        Map<String, Object> good = (Map<String, Object>) report.get("goodCanary");
        assertThat(good).containsEntry("status", "SUCCEEDED").containsEntry("decision", "promote")
                .containsEntry("failedRequestsWhileItRan", 0);
        assertThat((List<Object>) good.get("intervals")).hasSize(2);
        Map<String, Object> served = (Map<String, Object>) ((Map<String, Object>) good.get("traffic")).get("served");
        assertThat(((Number) served.get("canaryPercent")).doubleValue()).isBetween(10.0, 30.0);

        List<Map<String, Object>> groups = (List<Map<String, Object>>) report.get("serverGroups");
        assertThat(groups).extracting(g -> g.get("name")).containsExactlyInAnyOrder("hello-prod-v000", "hello-prod-v001");
        assertThat(groups).filteredOn(g -> "hello-prod-v001".equals(g.get("name"))).singleElement()
                .satisfies(g -> assertThat(g).containsEntry("enabled", true));

        String token = Files.readString(state.resolve("token")).trim();
        assertThat(out.toString()).doesNotContain(token);
        assertThat(err.toString()).doesNotContain(token);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty());
    }
}
