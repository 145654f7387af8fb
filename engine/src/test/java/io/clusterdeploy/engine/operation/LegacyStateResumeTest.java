package io.clusterdeploy.engine.operation;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Operation files written by release 0.1 (the format before the engine's restructuring, kept in
 * {@code legacy-states/} by {@link LegacyStateWriter}) still resume: each is put in a directory store
 * beside the cloud as it was when the server died, a new runner resumes it, and it ends as that
 * release's uninterrupted run ended.
 */
class LegacyStateResumeTest {
    private static final Json JSON = new Json();
    private static final List<String> SCENARIOS = List.of("none", "highlander", "redblack",
            "redblack-shrink-scaleDown", "redblack-rollback", "rollingredblack", "rollingredblack-rollback",
            "rollbackCluster", "disableCluster", "scaleDownCluster", "shrinkCluster", "resize-scale-down", "enable",
            "destroy");

    @SuppressWarnings("unchecked")
    static Stream<Arguments> storedFiles() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String name : SCENARIOS) {
            try (InputStream in = LegacyStateResumeTest.class.getResourceAsStream("/legacy-states/" + name + ".json")) {
                Map<String, Object> fixture = JSON.readObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                for (Object p : (List<Object>) fixture.get("points")) {
                    Map<String, Object> point = (Map<String, Object>) p;
                    out.add(Arguments.of(name, point.get("crashAt"), point.get("state"), point.get("cloud"),
                            fixture.get("expectedStatus"), fixture.get("expectedCluster")));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}, stored at save {1}")
    @MethodSource("storedFiles")
    void resumesLikeTheReleaseThatWroteIt(String scenario, int crashAt, Map<String, Object> state,
                                          Map<String, Object> cloud, String expectedStatus,
                                          List<String> expectedCluster, @TempDir Path dir) throws Exception {
        String id = (String) state.get("id");
        Files.writeString(dir.resolve(id + ".json"), JSON.write(state));
        CrashMatrixTest.World w = new CrashMatrixTest.World();
        w.cloud.restore(cloud);
        try (OperationRunner runner = w.runner(new DirectoryOperationStore(dir))) {
            assertThat(runner.resumeAll()).isEqualTo(1);
            OperationState end = runner.awaitFinished(id, Duration.ofSeconds(60));
            assertThat(end.status().name()).isEqualTo(expectedStatus);
        }
        assertThat(CrashMatrixTest.cluster(w.cloud)).isEqualTo(expectedCluster);
    }
}
