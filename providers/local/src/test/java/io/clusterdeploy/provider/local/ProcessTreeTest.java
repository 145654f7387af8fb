package io.clusterdeploy.provider.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.model.HealthState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every process an instance starts is stopped with it, also those that left its process group and cleared
 * their environment ({@code setsid env -i ...}): on destroy and when the provider closes.
 */
class ProcessTreeTest {
    @TempDir
    Path tmp;
    private ProviderFixture fx;

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
        escapees("31337").forEach(ProcessHandle::destroyForcibly);
        escapees("31338").forEach(ProcessHandle::destroyForcibly);
    }

    /** Live {@code sleep MARK} processes, wherever they are in the process tree. */
    private static Set<ProcessHandle> escapees(String mark) {
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/sleep")).orElse(false))
                .filter(p -> p.info().arguments().map(Arrays::asList).orElse(List.of()).contains(mark))
                .collect(Collectors.toSet());
    }

    /** The sample app, started by a shell that first leaves a daemon behind: a new session, no environment. */
    private static List<String> escaping(String mark) {
        List<String> app = SampleApp.command("v1");
        return List.of("/bin/sh", "-c", "setsid env -i /bin/sleep " + mark + " </dev/null >/dev/null 2>&1 & exec "
                + String.join(" ", app));
    }

    @Test
    void aDaemonThatEscapedItsInstanceIsStoppedWhenTheGroupIsDestroyed() {
        fx = new ProviderFixture(tmp);
        assertThat(fx.provider.isolatesInstances()).as("this machine can give instances a PID namespace").isTrue();
        fx.deploy("escape-v000", 1, List.of(), escaping("31337"));
        fx.awaitAll("escape-v000", 1, HealthState.UP);
        ProviderFixture.await().until(() -> !escapees("31337").isEmpty());
        assertThat(escapees("31337")).allSatisfy(p -> assertThat(p.parent().map(ProcessHandle::pid))
                .as("it left the shell's session, yet is still in the instance").isPresent());

        fx.provider.destroy("local", "escape-v000");

        assertThat(escapees("31337")).isEmpty();
    }

    @Test
    void aDaemonThatEscapedItsInstanceIsStoppedWhenTheProviderCloses() {
        fx = new ProviderFixture(tmp);
        fx.deploy("escape-v000", 2, List.of(), escaping("31338"));
        fx.awaitAll("escape-v000", 2, HealthState.UP);
        ProviderFixture.await().until(() -> escapees("31338").size() == 2);
        List<ProcessHandle> before = new ArrayList<>(escapees("31338"));

        fx.close();
        fx = null;

        assertThat(before).noneMatch(ProcessHandle::isAlive);
        assertThat(escapees("31338")).isEmpty();
    }
}
