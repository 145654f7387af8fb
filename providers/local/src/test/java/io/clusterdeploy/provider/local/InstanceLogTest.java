package io.clusterdeploy.provider.local;

import static io.clusterdeploy.provider.local.ProviderFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.model.HealthState;
import io.clusterdeploy.engine.model.Instance;
import io.clusterdeploy.engine.provider.InstanceDetails;
import io.clusterdeploy.engine.provider.InstanceLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The instance panel's facts and log tail come from the real process: what it printed, how its check went. */
class InstanceLogTest {
    @TempDir
    Path stateDir;
    private ProviderFixture fx;

    @BeforeEach
    void start() {
        fx = new ProviderFixture(stateDir);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    /**
     * Runs {@code script}, then idles until stopped. The trap matters: in a PID namespace of its own the shell is
     * process 1, which ignores a SIGTERM it has no handler for.
     */
    private static List<String> shell(String script) {
        return List.of("/bin/sh", "-c", "trap 'exit 0' TERM; " + script + "; while :; do sleep 1; done");
    }

    @Test
    void theLogTailIsWhatTheSampleAppPrintedAndTheDetailsAreItsProcesss() {
        fx.deploy("hello-v001", 1, List.of(), SampleApp.command("v1"));
        fx.awaitAll("hello-v001", 1, HealthState.UP);
        Instance instance = fx.group("hello-v001").instances().get(0);
        String port = instance.address().substring(instance.address().lastIndexOf(':') + 1);

        InstanceLog log = fx.provider.instanceLog("local", "hello-v001", instance.id(), 200).orElseThrow();
        assertThat(log.text()).contains("HelloApp v1 instance " + instance.id() + " listening on 127.0.0.1:" + port + "\n");
        assertThat(log.truncated()).isFalse();
        assertThat(log.lines()).isEqualTo(log.text().split("\n").length);
        assertThat(log.size()).isEqualTo(log.text().getBytes(StandardCharsets.UTF_8).length);

        InstanceDetails details = fx.provider.instanceDetails("local", "hello-v001", instance.id());
        long pid = Long.parseLong(details.facts().get("pid"));
        assertThat(ProcessHandle.of(pid)).as("the pid is the instance's live process").get()
                .satisfies(p -> assertThat(p.isAlive()).isTrue());
        assertThat(details.facts()).containsEntry("port", port).containsEntry("traffic", "in rotation")
                .containsEntry("launched by", "this server");
        assertThat(String.join(" ", details.facts().values())).as("no command line in the facts")
                .doesNotContain("-cp").doesNotContain("HelloApp");
        assertThat(details.healthChecks()).singleElement().satisfies(c -> {
            assertThat(c.target()).isEqualTo("GET http://127.0.0.1:" + port + "/health");
            assertThat(c.state()).isEqualTo(HealthState.UP);
            assertThat(c.detail()).isEqualTo("HTTP 200");
            assertThat(c.checkedAt()).isNotNull();
        });

        fx.provider.disable("local", "hello-v001", 100);
        assertThat(fx.provider.instanceDetails("local", "hello-v001", instance.id()).facts())
                .containsEntry("traffic", "out of rotation");
    }

    @Test
    void aFailingCheckSaysWhatItSaw() {
        // Serves nothing: every check is refused.
        fx.deploy("quiet-v001", 1, List.of(), shell("echo started"));
        String id = fx.group("quiet-v001").instances().get(0).id();
        await().until(() -> fx.provider.instanceDetails("local", "quiet-v001", id).healthChecks().get(0).checkedAt() != null);
        InstanceDetails.HealthCheck check = fx.provider.instanceDetails("local", "quiet-v001", id).healthChecks().get(0);
        assertThat(check.state()).isEqualTo(HealthState.DOWN);
        assertThat(check.detail()).isEqualTo("connection refused");
        await().until(() -> fx.provider.instanceLog("local", "quiet-v001", id, 10).orElseThrow().text()
                .equals("started\n"));
    }

    @Test
    void aLongLogIsTailedWithinTheBoundsInWholeLines() {
        // About 600 KiB of numbered lines, then quiet.
        String line = "x".repeat(110);
        fx.deploy("chatty-v001", 1, List.of(), shell(
                "i=0; while [ $i -lt 5000 ]; do echo \"line $i " + line + "\"; i=$((i+1)); done; echo done"));
        String id = fx.group("chatty-v001").instances().get(0).id();
        await().until(() -> fx.provider.instanceLog("local", "chatty-v001", id, 1).orElseThrow().text().equals("done\n"));

        InstanceLog most = fx.provider.instanceLog("local", "chatty-v001", id, InstanceLog.MAX_LINES).orElseThrow();
        assertThat(most.size()).isGreaterThan(500_000);
        assertThat(most.truncated()).isTrue();
        assertThat(most.text().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(InstanceLog.MAX_BYTES);
        List<String> lines = List.of(most.text().split("\n"));
        assertThat(lines).hasSize(most.lines()).last().isEqualTo("done");
        // Whole lines only, and consecutive up to the end: the byte bound cut the first one out, not in half.
        assertThat(lines.subList(0, lines.size() - 1)).allSatisfy(l -> assertThat(l).matches("line \\d+ x{110}"));
        int first = Integer.parseInt(lines.get(0).split(" ")[1]);
        assertThat(first + lines.size() - 2).isEqualTo(4999);
        assertThat(lines.size()).isGreaterThan(500);

        InstanceLog ten = fx.provider.instanceLog("local", "chatty-v001", id, 10).orElseThrow();
        assertThat(ten.lines()).isEqualTo(10);
        assertThat(ten.text()).startsWith("line 4991 ").endsWith("line 4999 " + line + "\ndone\n");
    }

    @Test
    void anUnknownInstanceOrABadCountIsRefusedNamingTheField() {
        fx.deploy("quiet-v001", 1, List.of(), shell("true"));
        assertThatThrownBy(() -> fx.provider.instanceLog("local", "quiet-v001", "quiet-v001-9", 10))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND);
                    assertThat(e.field()).isEqualTo("id");
                });
        assertThatThrownBy(() -> fx.provider.instanceLog("local", "nope-v001", "quiet-v001-1", 10))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> assertThat(e.field()).isEqualTo("id"));
        for (int bad : new int[] {0, -1, InstanceLog.MAX_LINES + 1}) {
            assertThatThrownBy(() -> fx.provider.instanceLog("local", "quiet-v001", "quiet-v001-1", bad))
                    .isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
                        assertThat(e.field()).isEqualTo("lines");
                    });
        }
        assertThat(fx.provider.instanceDetails("local", "quiet-v001", "quiet-v001-9")).isEqualTo(InstanceDetails.NONE);
    }
}
