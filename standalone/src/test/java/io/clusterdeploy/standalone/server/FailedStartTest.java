package io.clusterdeploy.standalone.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.operation.OperationStatus;
import io.clusterdeploy.standalone.config.StandaloneConfig;
import io.clusterdeploy.standalone.demo.SampleAppCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start that fails (here: its port is taken) after a crash changes nothing of what runs: the instances the
 * crashed server left are neither killed nor duplicated, and the next good start adopts them.
 */
class FailedStartTest {
    @TempDir
    Path tmp;

    private static Set<Long> liveChildren() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    @Test
    void aStartThatFailsKillsNoInstanceAndTheNextStartAdoptsThem() throws Exception {
        Path state = tmp.resolve("state");
        StandaloneConfig config = StandaloneConfig.defaults(state);
        StandaloneServer crashed = StandaloneServer.start(config, "test", 0);
        Set<Long> instances;
        try {
            Map<String, Object> deploy = new LinkedHashMap<>(Map.of("type", "deploy", "account", "local",
                    "application", "survivor", "capacity", Map.of("min", 2, "desired", 2, "max", 2),
                    "spec", SampleAppCommand.spec("v1")));
            OperationState s = crashed.engine().operations().start(deploy);
            assertThat(crashed.engine().operations().awaitFinished(s.id(), Duration.ofMinutes(2)).status())
                    .isEqualTo(OperationStatus.SUCCEEDED);
            instances = liveChildren();
            assertThat(instances).hasSize(2);
            // What a crash leaves: the providers let go, the instances keep running, the port stays taken.
            crashed.engine().operations().close();
            crashed.engine().accounts().release();

            assertThatThrownBy(() -> StandaloneServer.start(config, "test", crashed.port()))
                    .as("the port is in use");
            assertThat(liveChildren()).as("no instance killed, none started").isEqualTo(instances);
        } finally {
            crashed.close();
        }
        assertThat(liveChildren()).as("a released provider stops nothing on close").containsAll(instances);

        try (StandaloneServer next = StandaloneServer.start(config, "test", 0)) {
            assertThat(next.engine().accounts().get("local").serverGroups("survivor")).singleElement()
                    .satisfies(sg -> assertThat(sg.instances()).hasSize(2));
            assertThat(liveChildren()).as("adopted, not started again").isEqualTo(instances);
        }
        assertThat(liveChildren()).isEmpty();
    }
}
