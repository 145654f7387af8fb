package io.clusterdeploy.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clusterdeploy.engine.json.Json;
import io.clusterdeploy.engine.model.ServerGroup;
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

class ClusterDeployApiTest {
    private final FakeCloudProvider cloud = new FakeCloudProvider("test");
    private final EngineHarness engine = new EngineHarness(cloud);
    private final ClusterDeployApi api = new ClusterDeployApi(engine.accounts, engine.runner, engine.planner);
    private final Json json = new Json();

    @AfterEach
    void close() {
        engine.close();
    }

    private static final String DEPLOY = """
            {"type": "deploy", "account": "test", "application": "hello", "stack": "prod",
             "strategy": "redblack", "capacity": {"min": 2, "desired": 2, "max": 2},
             "spec": {"version": "v1"}}""";

    @SuppressWarnings("unchecked")
    private Map<String, Object> object(ApiResponse r) {
        return json.readObject(r.json());
    }

    @Test
    void listsAccounts() {
        ApiResponse r = api.handle(ApiRequest.get("/accounts"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(json.read(r.json(), List.class)).containsExactly(
                Map.of("name", "test", "provider", "fake", "locations", List.of("fake-1"), "protected", false));
    }

    @Test
    @SuppressWarnings("unchecked")
    void startsAnOperationThenShowsItsTimelineAndTheCluster() {
        ApiResponse started = api.handle(ApiRequest.post("/operations", DEPLOY));
        assertThat(started.status()).isEqualTo(202);
        String id = (String) object(started).get("id");

        await().atMost(Duration.ofSeconds(30)).until(() ->
                object(api.handle(ApiRequest.get("/operations/" + id))).get("status").equals("SUCCEEDED"));
        Map<String, Object> op = object(api.handle(ApiRequest.get("/operations/" + id)));
        assertThat((List<Map<String, Object>>) op.get("steps")).extracting(s -> s.get("name"))
                .containsExactly("createServerGroup", "waitForHealthy", "disablePreviousServerGroups");

        List<Map<String, Object>> clusters = json.read(
                api.handle(ApiRequest.get("/applications/hello/clusters")).json(), List.class);
        assertThat(clusters).hasSize(1);
        assertThat(clusters.get(0)).containsEntry("name", "hello-prod").containsEntry("account", "test")
                .containsEntry("stack", "prod").containsEntry("detail", null);
        Map<String, Object> sg = ((List<Map<String, Object>>) clusters.get(0).get("serverGroups")).get(0);
        assertThat(sg).containsEntry("name", "hello-prod-v000").containsEntry("enabled", true);
        assertThat((Map<String, Object>) sg.get("instanceCounts")).containsEntry("up", 2).containsEntry("total", 2);

        List<Map<String, Object>> apps = json.read(api.handle(ApiRequest.get("/applications")).json(), List.class);
        // For the overview: counts over the application's clusters and its instances' health.
        assertThat(apps).singleElement().satisfies(app -> {
            assertThat(app).containsEntry("name", "hello").containsEntry("accounts", List.of("test"))
                    .containsEntry("clusters", 1).containsEntry("serverGroups", 1).containsEntry("enabledServerGroups", 1);
            assertThat((Map<String, Object>) app.get("instanceCounts")).containsEntry("total", 2).containsEntry("up", 2)
                    .containsEntry("down", 0);
        });
    }

    @Test
    void anOperationRecordsWhoStartedItAndWhyAndOnlyTheFrontEndSaysWho() {
        Map<String, Object> request = json.readObject(DEPLOY);
        request.put("reason", "roll out the fix for the checkout timeout");
        ApiResponse started = api.handle(ApiRequest.post("/operations", json.write(request)).by("Jenkins user alice"));
        assertThat(started.status()).isEqualTo(202);
        Map<String, Object> op = object(api.handle(ApiRequest.get("/operations/" + object(started).get("id"))));
        assertThat(op).containsEntry("startedBy", "Jenkins user alice")
                .containsEntry("reason", "roll out the fix for the checkout timeout");

        Map<String, Object> spoofed = json.readObject(DEPLOY);
        spoofed.put("startedBy", "someone else");
        assertThat(object(api.handle(ApiRequest.post("/operations", json.write(spoofed)).by("mallory"))))
                .containsEntry("status", 400).containsEntry("field", "startedBy");
        for (String bad : List.of("x".repeat(1001), "line" + (char) 0 + "break", "bell" + (char) 7)) {
            Map<String, Object> r = json.readObject(DEPLOY);
            r.put("reason", bad);
            assertThat(object(api.handle(ApiRequest.post("/operations", json.write(r)))))
                    .containsEntry("status", 400).containsEntry("field", "reason");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void clusterReadsAreCachedWithAnEtagAndFollowEveryChange() throws Exception {
        ApiResponse started = api.handle(ApiRequest.post("/operations", DEPLOY));
        engine.runner.awaitFinished((String) object(started).get("id"), Duration.ofSeconds(30));
        ApiResponse first = api.handle(ApiRequest.get("/applications/hello/clusters"));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.etag()).matches("\"[0-9a-f]{24}\"");
        ApiResponse again = api.handle(ApiRequest.get("/applications/hello/clusters").ifNoneMatch(first.etag()));
        assertThat(again.status()).as("unchanged: the client's copy is current").isEqualTo(304);
        assertThat(again.json()).isEmpty();

        // An operation changes the cluster: the next read shows it, with another ETag.
        Map<String, Object> second = json.readObject(DEPLOY);
        second.put("spec", Map.of("version", "v2"));
        ApiResponse s2 = api.handle(ApiRequest.post("/operations", json.write(second)));
        engine.runner.awaitFinished((String) object(s2).get("id"), Duration.ofSeconds(30));
        ApiResponse after = api.handle(ApiRequest.get("/applications/hello/clusters").ifNoneMatch(first.etag()));
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.etag()).isNotEqualTo(first.etag());
        assertThat(after.json()).contains("hello-prod-v001");

        // Summarised: each cluster's groups as rows under one field list, one health letter per instance.
        cloud.setHealthyInstances("hello-prod-v001", 1);
        cloud.setHealth("hello-prod-v000", null); // as the fake says again, and heard as a change
        List<Map<String, Object>> full = json.read(api.handle(ApiRequest.get("/applications/hello/clusters")).json(),
                List.class);
        List<Map<String, Object>> compact = json.read(api.handle(new ApiRequest("GET", "/applications/hello/clusters",
                Map.of("instances", List.of("summary")), null)).json(), List.class);
        Map<String, Object> cluster = compact.get(0);
        // Lean: what the cluster says, the name gives or the letters count is no field (the view fills it in).
        assertThat(cluster).containsEntry("name", "hello-prod").containsEntry("account", "test")
                .containsEntry("location", "fake-1").containsEntry("stack", "prod").doesNotContainKey("serverGroups");
        assertThat((List<String>) cluster.get("serverGroupFields")).containsExactly("name", "enabled", "capacity.min",
                "capacity.desired", "capacity.max", "instanceHealth", "createdTime", "artifact", "loadBalancers",
                "securityGroups", "tags");
        List<Map<String, Object>> groups = ((List<List<Object>>) cluster.get("serverGroupRows")).stream()
                .map(row -> byField((List<String>) cluster.get("serverGroupFields"), row)).toList();
        // The model's groups, newest first, as the full form orders them.
        List<ServerGroup> model = cloud.serverGroups("hello").stream().sorted(ServerGroup.NEWEST_FIRST).toList();
        assertThat(groups).extracting(g -> g.get("name")).containsExactly("hello-prod-v001", "hello-prod-v000");
        assertThat(groups.get(0)).containsEntry("enabled", true).containsEntry("capacity.min", 2)
                .containsEntry("capacity.desired", 2).containsEntry("capacity.max", 2)
                .containsEntry("instanceHealth", "UD").containsEntry("artifact", "v2");
        assertThat(groups.get(1)).containsEntry("enabled", false).containsEntry("instanceHealth", "OO")
                .containsEntry("artifact", "v1");
        for (int g = 0; g < model.size(); g++) {
            ServerGroup sg = model.get(g);
            assertThat(groups.get(g)).as(sg.name()).containsEntry("name", sg.name())
                    .containsEntry("enabled", sg.enabled()).containsEntry("capacity.max", sg.capacity().max())
                    .containsEntry("createdTime", sg.createdTime().toString())
                    .containsEntry("loadBalancers", sg.loadBalancers()).containsEntry("securityGroups", List.of())
                    .containsEntry("tags", sg.tags());
            assertThat(sg.tags()).as("the engine tags what it creates").isNotEmpty();
            // Every field says what the full form says of the same group (instanceHealth: its instances' health).
            Map<String, Object> fullGroup = ((List<Map<String, Object>>) full.get(0).get("serverGroups")).get(g);
            for (String field : (List<String>) cluster.get("serverGroupFields")) {
                Object expected = field.equals("instanceHealth")
                        ? ((List<Map<String, Object>>) fullGroup.get("instances")).stream()
                                .map(i -> Map.of("UP", "U", "DOWN", "D", "OUT_OF_SERVICE", "O").get(i.get("health")))
                                .reduce("", String::concat)
                        : field.contains(".") ? ((Map<String, Object>) fullGroup.get(field.substring(0,
                                field.indexOf('.')))).get(field.substring(field.indexOf('.') + 1)) : fullGroup.get(field);
                assertThat(groups.get(g).get(field)).as(sg.name() + " " + field).isEqualTo(expected);
            }
        }
        Map<String, Object> one = object(api.handle(ApiRequest.get("/applications/hello/serverGroups/fake-1/hello-prod-v001")));
        assertThat((List<Object>) one.get("instances")).hasSize(2);
        assertThat(object(api.handle(ApiRequest.get("/applications/hello/serverGroups/fake-1/hello-prod-v009"))))
                .containsEntry("status", 404);
        assertThat(object(api.handle(new ApiRequest("GET", "/applications/hello/clusters",
                Map.of("instances", List.of("some")), null)))).containsEntry("status", 400).containsEntry("field", "instances");
        // auto: a small application gets every instance (a big one the letters: BigApplicationBrowserTest).
        List<Map<String, Object>> auto = json.read(api.handle(new ApiRequest("GET", "/applications/hello/clusters",
                Map.of("instances", List.of("auto")), null)).json(), List.class);
        assertThat(((List<Map<String, Object>>) auto.get(0).get("serverGroups")).get(0)).containsKey("instances")
                .doesNotContainKey("instanceHealth");
        assertThat(auto.get(0)).doesNotContainKeys("serverGroupFields", "serverGroupRows");
    }

    /** A summarised row as an object: each value under its field's name. */
    private static Map<String, Object> byField(List<String> fields, List<Object> row) {
        assertThat(row).hasSameSizeAs(fields);
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            m.put(fields.get(i), row.get(i));
        }
        return m;
    }

    @Test
    void errorsAreJsonNamingTheField() {
        ApiResponse bad = api.handle(ApiRequest.post("/operations", DEPLOY.replace("\"min\": 2", "\"min\": 5")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(object(bad)).containsEntry("field", "capacity.min").containsEntry("error", "INVALID_INPUT");

        ApiResponse malformed = api.handle(ApiRequest.post("/operations", "{\"type\": "));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(object(malformed)).containsEntry("field", "body");

        ApiResponse unknownAccount = api.handle(ApiRequest.post("/operations", DEPLOY.replace("\"test\"", "\"prod\"")));
        assertThat(unknownAccount.status()).isEqualTo(404);
        assertThat(object(unknownAccount)).containsEntry("field", "account");

        assertThat(api.handle(ApiRequest.get("/operations/nope")).status()).isEqualTo(404);
        assertThat(api.handle(ApiRequest.get("/nowhere")).status()).isEqualTo(404);
        assertThat(api.handle(ApiRequest.post("/accounts", "{}")).status()).isEqualTo(405);
        assertThat(cloud.mutations()).isEmpty();
    }

    @Test
    void cancellingAFinishedOperationIsAConflict() throws Exception {
        String id = (String) object(api.handle(ApiRequest.post("/operations", DEPLOY))).get("id");
        engine.runner.awaitFinished(id, Duration.ofSeconds(30));
        ApiResponse r = api.handle(ApiRequest.post("/operations/" + id + "/cancel", null));
        assertThat(r.status()).isEqualTo(409);
    }

    @Test
    void operationsCanBeFilteredByApplicationAndLimited() throws Exception {
        String first = (String) object(api.handle(ApiRequest.post("/operations", DEPLOY))).get("id");
        engine.runner.awaitFinished(first, Duration.ofSeconds(30));
        String other = (String) object(api.handle(ApiRequest.post("/operations",
                DEPLOY.replace("\"hello\"", "\"other\"")))).get("id");
        engine.runner.awaitFinished(other, Duration.ofSeconds(30));
        String disable = (String) object(api.handle(ApiRequest.post("/operations",
                "{\"type\": \"disable\", \"account\": \"test\", \"serverGroupName\": \"hello-prod-v000\"}")))
                .get("id");
        engine.runner.awaitFinished(disable, Duration.ofSeconds(30));

        List<Map<String, Object>> hello = json.read(api.handle(new ApiRequest("GET", "/operations",
                Map.of("application", List.of("hello")), null)).json(), List.class);
        assertThat(hello).extracting(m -> m.get("id")).containsExactlyInAnyOrder(first, disable);
        List<Map<String, Object>> newest = json.read(api.handle(new ApiRequest("GET", "/operations",
                Map.of("limit", List.of("1")), null)).json(), List.class);
        assertThat(newest).hasSize(1);
        assertThat(api.handle(new ApiRequest("GET", "/operations", Map.of("limit", List.of("0")), null)).status())
                .isEqualTo(400);
    }

    @Test
    @SuppressWarnings("unchecked")
    void readEndpointsMaskSecretsInCommandLines() {
        String deploy = DEPLOY.replace("\"version\": \"v1\"",
                "\"version\": \"app --db-password=hunter2 --token t0k jdbc:pg://u:pw@db/x\"");
        String id = (String) object(api.handle(ApiRequest.post("/operations", deploy))).get("id");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                object(api.handle(ApiRequest.get("/operations/" + id))).get("status").equals("SUCCEEDED"));
        String clusters = api.handle(ApiRequest.get("/applications/hello/clusters")).json();
        assertThat(clusters).contains("app --db-password=**** --token **** jdbc:pg://****@db/x")
                .doesNotContain("hunter2").doesNotContain("t0k").doesNotContain("u:pw");

        OperationState stored = new OperationState("op-x", "deploy", null, false, Map.of("spec", Map.of(
                "command", List.of("java", "-Dapp.secret=s3", "--password", "p4ss", "-jar", "app.jar"),
                "env", Map.of("A", "b"))), io.clusterdeploy.engine.operation.OperationStatus.SUCCEEDED,
                io.clusterdeploy.engine.operation.Phase.MAIN, 0, List.of(), Map.of("image", "app --token=zz"), null,
                false, null, java.time.Instant.EPOCH, java.time.Instant.EPOCH);
        String view = json.write(Views.operation(stored));
        assertThat(view).contains("-Dapp.secret=****", "\"--password\", \"****\"", "app --token=****")
                .doesNotContain("s3\"").doesNotContain("p4ss").doesNotContain("zz");
    }

    // ---- a cancel records who asked for it (the front end's actor, never the client's word) and why ----------

    /** A red/black deploy that waits 60 s before disabling the old group: running until cancelled. */
    private static final String SLOW_DEPLOY = """
            {"type": "deploy", "account": "test", "application": "hello", "stack": "prod",
             "strategy": "redblack", "capacity": {"min": 1, "desired": 1, "max": 1},
             "spec": {"version": "v2"}, "delayBeforeDisableSec": 60}""";

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
