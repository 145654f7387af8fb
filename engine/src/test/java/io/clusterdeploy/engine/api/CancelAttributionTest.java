package io.clusterdeploy.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clusterdeploy.engine.json.Json;
import io.clusterdeploy.engine.operation.DirectoryOperationStore;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.operation.OperationStatus;
import io.clusterdeploy.engine.testing.EngineHarness;
import io.clusterdeploy.engine.testing.FakeCloudProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cancel records who asked for it (the front end's actor, never the client's word) and why, as a start does. */
class CancelAttributionTest {
    private final FakeCloudProvider cloud = new FakeCloudProvider("test");
    private final EngineHarness engine = new EngineHarness(cloud);
    private final ClusterDeployApi api = new ClusterDeployApi(engine.accounts, engine.runner, engine.planner);
    private final Json json = new Json();

    @AfterEach
    void close() {
        engine.close();
    }

    /** A red/black deploy that waits 60 s before disabling the old group: running until cancelled. */
    private static final String SLOW_DEPLOY = """
            {"type": "deploy", "account": "test", "application": "hello", "stack": "prod",
             "strategy": "redblack", "capacity": {"min": 1, "desired": 1, "max": 1},
             "spec": {"version": "v2"}, "delayBeforeDisableSec": 60}""";

    private Map<String, Object> object(ApiResponse r) {
        return json.readObject(r.json());
    }

    private String startWaiting() {
        ApiResponse started = api.handle(ApiRequest.post("/operations", SLOW_DEPLOY).by("Jenkins user alice"));
        assertThat(started.status()).isEqualTo(202);
        String id = (String) object(started).get("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> engine.runner.get(id).orElseThrow().steps().stream()
                .anyMatch(s -> s.name().equals("waitBeforeDisable")));
        return id;
    }

    private ApiResponse cancel(String id, String body, String actor) {
        return api.handle(ApiRequest.post("/operations/" + id + "/cancel", body).by(actor));
    }

    @Test
    void theStateCarriesWhoCancelledAndWhyAndTheViewShowsIt() throws Exception {
        String id = startWaiting();

        ApiResponse r = cancel(id, "{\"reason\": \"wrong image: v2 lacks the checkout fix\"}", "Jenkins user bob");
        assertThat(r.status()).isEqualTo(202);
        assertThat(object(r)).containsEntry("cancelRequested", true).containsEntry("cancelledBy", "Jenkins user bob")
                .containsEntry("cancelReason", "wrong image: v2 lacks the checkout fix")
                .containsEntry("startedBy", "Jenkins user alice");
        assertThat((String) object(r).get("cancelRequestedAt")).isNotBlank();

        OperationState done = engine.runner.awaitFinished(id, Duration.ofSeconds(30));
        assertThat(done.status()).isEqualTo(OperationStatus.CANCELLED);
        assertThat(done.cancellation().by()).isEqualTo("Jenkins user bob");
        assertThat(done.cancellation().reason()).isEqualTo("wrong image: v2 lacks the checkout fix");
        assertThat(done.error().message())
                .isEqualTo("cancelled on request by Jenkins user bob: wrong image: v2 lacks the checkout fix");
        Map<String, Object> view = object(api.handle(ApiRequest.get("/operations/" + id)));
        assertThat(view).containsEntry("status", "CANCELLED").containsEntry("cancelledBy", "Jenkins user bob");
    }

    @Test
    void aCancelWithoutBodyOrReasonRecordsWhoOnly() throws Exception {
        String id = startWaiting();
        assertThat(cancel(id, null, "session s-1").status()).isEqualTo(202);
        OperationState done = engine.runner.awaitFinished(id, Duration.ofSeconds(30));
        assertThat(done.cancellation().by()).isEqualTo("session s-1");
        assertThat(done.cancellation().reason()).isNull();
        assertThat(done.error().message()).isEqualTo("cancelled on request by session s-1");
    }

    @Test
    void aClientsOwnCancelledByAndBadReasonsAreRefusedAndNothingIsCancelled() throws Exception {
        String id = startWaiting();
        List<Map.Entry<String, String>> bad = List.of(
                Map.entry("{\"cancelledBy\": \"someone else\"}", "cancelledBy"),
                Map.entry("{\"reason\": \"ok\", \"cancelledBy\": \"someone else\"}", "cancelledBy"),
                Map.entry(json.write(Map.of("reason", "x".repeat(1001))), "reason"),
                Map.entry(json.write(Map.of("reason", "bell" + (char) 7)), "reason"),
                Map.entry("{\"reason\": 42}", "reason"),
                Map.entry("{\"resaon\": \"typo\"}", "resaon"),
                Map.entry("[\"reason\"]", "body"),
                Map.entry("{\"reason\": ", "body"));
        for (Map.Entry<String, String> b : bad) {
            ApiResponse r = cancel(id, b.getKey(), "mallory");
            assertThat(r.status()).as(b.getKey()).isEqualTo(400);
            assertThat(object(r)).as(b.getKey()).containsEntry("field", b.getValue());
            if (!b.getValue().equals("body")) {
                assertThat((String) object(r).get("message")).as(b.getKey()).contains(b.getValue());
            }
        }
        // Nor does a start name who cancels (or anything else the server says).
        Map<String, Object> start = json.readObject(SLOW_DEPLOY);
        start.put("cancelledBy", "nobody");
        assertThat(object(api.handle(ApiRequest.post("/operations", json.write(start)).by("mallory"))))
                .containsEntry("status", 400).containsEntry("field", "cancelledBy");
        OperationState now = engine.runner.get(id).orElseThrow();
        assertThat(now.cancelRequested()).isFalse();
        assertThat(now.cancellation()).isNull();
        assertThat(now.status()).isEqualTo(OperationStatus.RUNNING);

        // A reason of exactly the bound is accepted.
        assertThat(cancel(id, json.write(Map.of("reason", "y".repeat(1000))), "alice").status()).isEqualTo(202);
        assertThat(engine.runner.awaitFinished(id, Duration.ofSeconds(30)).cancellation().reason())
                .hasSize(1000);
    }

    @Test
    void whoAndWhySurviveTheStateFileAndAnOldFileWithoutThemStillLoads(@TempDir Path dir) throws Exception {
        String id = startWaiting();
        cancel(id, "{\"reason\": \"stop it\"}", "token api");
        OperationState done = engine.runner.awaitFinished(id, Duration.ofSeconds(30));

        DirectoryOperationStore store = new DirectoryOperationStore(dir);
        store.save(done);
        OperationState read = new DirectoryOperationStore(dir).load(id).orElseThrow();
        assertThat(read.cancellation()).isEqualTo(done.cancellation());
        assertThat(Files.readString(dir.resolve(id + ".json"))).contains("\"by\" : \"token api\"");

        // As a release before cancels were attributed wrote it: cancelRequested, and no cancellation at all.
        Map<String, Object> old = json.readObject(Files.readString(dir.resolve(id + ".json")));
        old.remove("cancellation");
        Path oldDir = Files.createDirectory(dir.resolve("old"));
        Files.writeString(oldDir.resolve(id + ".json"), json.write(old));
        OperationState legacy = new DirectoryOperationStore(oldDir).load(id).orElseThrow();
        assertThat(legacy.cancelRequested()).isTrue();
        assertThat(legacy.cancellation()).isNull();
        assertThat(Views.operation(legacy)).containsEntry("cancelledBy", null).containsEntry("cancelReason", null)
                .containsEntry("status", "CANCELLED");
    }
}
