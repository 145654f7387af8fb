package io.clusterdeploy.engine.operation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's index: what listing reads instead of the files, rebuilt from the files whenever it is stale. */
class DirectoryOperationStoreTest {
    @TempDir
    Path dir;

    private static OperationState op(String id, String app, OperationStatus status, int second) {
        Instant t = Instant.parse("2026-12-01T10:00:00Z").plusSeconds(second);
        return new OperationState(id, "deploy", new OperationTarget("local", "local", app, app + "-prod"), false,
                Map.of("type", "deploy", "account", "local", "application", app), status, Phase.MAIN, 0, List.of(),
                Map.of(), null, false, null, t, t);
    }

    private static List<String> ids(List<OperationSummary> summaries) {
        return summaries.stream().map(OperationSummary::id).toList();
    }

    @Test
    void listsNewestFirstPerApplicationFromTheIndex() {
        DirectoryOperationStore store = new DirectoryOperationStore(dir);
        store.save(op("a1", "alpha", OperationStatus.SUCCEEDED, 1));
        store.save(op("b1", "beta", OperationStatus.SUCCEEDED, 2));
        store.save(op("a2", "alpha", OperationStatus.RUNNING, 3));
        store.save(op("a3", "alpha", OperationStatus.FAILED, 4));

        assertThat(ids(store.summaries())).containsExactly("a3", "a2", "b1", "a1");
        assertThat(ids(store.summaries("alpha", 2))).containsExactly("a3", "a2");
        assertThat(ids(store.summaries("beta", 10))).containsExactly("b1");
        assertThat(ids(store.summaries("gamma", 10))).isEmpty();
        store.save(op("a2", "alpha", OperationStatus.SUCCEEDED, 3));
        assertThat(store.summaries("alpha", 10)).extracting(OperationSummary::status)
                .containsExactly(OperationStatus.FAILED, OperationStatus.SUCCEEDED, OperationStatus.SUCCEEDED);
    }

    @Test
    void aStateSavedWithoutWaitingForTheDiskIsStoredAndListedAsAnyOther() throws Exception {
        DirectoryOperationStore store = new DirectoryOperationStore(dir);
        store.saveUnforced(op("u1", "alpha", OperationStatus.RUNNING, 1));
        assertThat(store.load("u1")).map(OperationState::status).contains(OperationStatus.RUNNING);
        assertThat(ids(store.summaries("alpha", 10))).containsExactly("u1");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(
                dir.resolve("u1.json")))).isEqualTo("rw-------");
        store.save(op("u1", "alpha", OperationStatus.SUCCEEDED, 2));
        assertThat(new DirectoryOperationStore(dir).load("u1")).map(OperationState::status)
                .contains(OperationStatus.SUCCEEDED);
    }

    @Test
    void aNewStoreOnTheSameDirectoryKnowsEveryOperationWithOrWithoutAnIndexFile() throws Exception {
        DirectoryOperationStore first = new DirectoryOperationStore(dir);
        for (int i = 0; i < 20; i++) {
            first.save(op("op-" + i, i % 2 == 0 ? "even" : "odd", OperationStatus.SUCCEEDED, i));
        }
        List<OperationSummary> expected = first.summaries();

        assertThat(new DirectoryOperationStore(dir).summaries()).as("from the index").isEqualTo(expected);
        Files.write(dir.resolve(DirectoryOperationStore.INDEX), new byte[] {0x13, 0x37, (byte) 0xff});
        assertThat(new DirectoryOperationStore(dir).summaries()).as("a damaged index is rebuilt").isEqualTo(expected);
        Files.delete(dir.resolve(DirectoryOperationStore.INDEX));
        assertThat(new DirectoryOperationStore(dir).summaries()).as("a missing one too").isEqualTo(expected);
        assertThat(Files.exists(dir.resolve(DirectoryOperationStore.INDEX))).as("and written again").isTrue();
    }

    @Test
    void filesChangedOrRemovedBehindAnIndexAreReadAgain() throws Exception {
        DirectoryOperationStore first = new DirectoryOperationStore(dir);
        first.save(op("kept", "app", OperationStatus.RUNNING, 1));
        first.save(op("gone", "app", OperationStatus.SUCCEEDED, 2));
        new DirectoryOperationStore(dir); // writes an index of both

        // What a crash leaves: a save the index never heard of, a file removed, a file added.
        String running = Files.readString(dir.resolve("kept.json"), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("kept.json"), running.replace("\"RUNNING\"", "\"SUCCEEDED\""));
        Files.delete(dir.resolve("gone.json"));
        Files.writeString(dir.resolve("added.json"), running.replace("\"kept\"", "\"added\""));

        DirectoryOperationStore second = new DirectoryOperationStore(dir);
        assertThat(second.summaries()).extracting(OperationSummary::id, OperationSummary::status)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("kept", OperationStatus.SUCCEEDED),
                        org.assertj.core.groups.Tuple.tuple("added", OperationStatus.RUNNING));
    }

    @Test
    void deletedOperationsAreGoneFromTheFilesAndTheIndex() {
        DirectoryOperationStore store = new DirectoryOperationStore(dir);
        store.save(op("x", "app", OperationStatus.SUCCEEDED, 1));
        store.delete("x");
        assertThat(store.summaries()).isEmpty();
        assertThat(store.load("x")).isEmpty();
        assertThat(new DirectoryOperationStore(dir).summaries()).isEmpty();
    }
}
