package io.clusterdeploy.standalone.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Json;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.operation.OperationStatus;
import io.clusterdeploy.standalone.demo.SampleAppCommand;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files in {@code operations/} that are not usable operations: each is reported by name at start, set aside
 * (kept, never deleted, never resumed), and the server starts; and everything the server writes in its state
 * directory is readable by its owner only.
 */
class StateDirGarbageTest {
    @TempDir
    Path tmp;
    private final Json json = new Json();

    private static Map<String, Object> running(String id, String type, String account) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", id);
        s.put("type", type);
        s.put("request", Map.of("type", type, "account", account, "cluster", "hello-prod"));
        s.put("status", "RUNNING");
        s.put("phase", "main");
        s.put("nextStep", 0);
        s.put("steps", List.of());
        s.put("context", Map.of());
        s.put("cancelRequested", false);
        s.put("createdAt", Instant.parse("2026-11-30T10:00:00Z").toString());
        s.put("updatedAt", Instant.parse("2026-11-30T10:00:00Z").toString());
        return s;
    }

    @Test
    void unusableOperationFilesAreReportedSetAsideAndTheServerStarts() throws Exception {
        Path state = tmp.resolve("state");
        Path ops = Files.createDirectories(state.resolve("operations"));
        Path secret = Files.writeString(tmp.resolve("elsewhere.txt"), "do-not-quote-me");
        Files.writeString(ops.resolve("empty-object.json"), "{}");
        Files.write(ops.resolve("random.json"), new byte[] {(byte) 0xff, 0x00, 0x13, (byte) 0xfe, 0x7f});
        Files.createSymbolicLink(ops.resolve("link.json"), secret);
        Files.writeString(ops.resolve("not-its-name.json"), json.write(running("another-id", "deploy", "local")));
        Files.writeString(ops.resolve("unknown-type.json"), json.write(running("unknown-type", "explode", "local")));
        Files.writeString(ops.resolve("unknown-account.json"),
                json.write(running("unknown-account", "disableCluster", "gone")));

        try (StandaloneServer server = TestServer.start(state)) {
            List<String> names = List.of("empty-object.json", "random.json", "link.json", "not-its-name.json",
                    "unknown-type.json", "unknown-account.json");
            try (Stream<Path> left = Files.list(ops)) {
                assertThat(left.map(p -> p.getFileName().toString())).as("none is left to be resumed or listed")
                        .noneMatch(names::contains);
            }
            try (Stream<Path> aside = Files.list(ops.resolve("set-aside"))) {
                assertThat(aside.map(p -> p.getFileName().toString())).as("each is kept, with why")
                        .containsAll(names).contains("link.json.why", "unknown-account.json.why");
            }
            assertThat(Files.readString(ops.resolve("set-aside/not-its-name.json.why")))
                    .contains("another-id").contains("not-its-name");
            assertThat(Files.readString(ops.resolve("set-aside/unknown-account.json.why"))).contains("gone");
            assertThat(Files.isSymbolicLink(ops.resolve("set-aside/link.json"))).isTrue();
            assertThat(Files.readString(secret)).isEqualTo("do-not-quote-me");
            for (String why : List.of("link.json.why", "random.json.why")) {
                assertThat(Files.readString(ops.resolve("set-aside").resolve(why))).doesNotContain("do-not-quote-me");
            }

            // It serves: listing works, and a deploy runs to the end.
            assertThat(server.engine().operations().list()).isEmpty();
            Map<String, Object> deploy = new LinkedHashMap<>(Map.of("type", "deploy", "account", "local",
                    "application", "garbage", "capacity", Map.of("min", 1, "desired", 1, "max", 1),
                    "spec", SampleAppCommand.spec("v1")));
            OperationState s = server.engine().operations().start(deploy);
            assertThat(server.engine().operations().awaitFinished(s.id(), Duration.ofMinutes(2)).status())
                    .isEqualTo(OperationStatus.SUCCEEDED);
            Assertions.assertThatThrownBy(() -> server.engine().operations().cancel("unknown-account"))
                    .isInstanceOfSatisfying(ClusterDeployException.class,
                            e -> assertThat(e.kind().httpStatus()).isEqualTo(404));

            assertOwnerOnly(state);
        }
    }

    /** Every directory 0700 and every file 0600, below the state directory (links are not followed). */
    private static void assertOwnerOnly(Path state) throws Exception {
        try (Stream<Path> all = Files.walk(state)) {
            for (Path p : all.filter(p -> !p.equals(state) && !Files.isSymbolicLink(p)).toList()) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                assertThat(mode).as(state.relativize(p).toString())
                        .isEqualTo(Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "rwx------" : "rw-------");
            }
        }
    }
}
