package io.clusterdeploy.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.json.Json;
import io.clusterdeploy.engine.testing.EngineHarness;
import io.clusterdeploy.engine.testing.FakeCloudProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One instance on demand (the instance panel) and the end of its log, through the guarded providers. */
class InstanceApiTest {
    private static final String GROUP = "/applications/hello/serverGroups/fake-1/hello-prod-v000";
    private static final String INSTANCE = GROUP + "/instances/hello-prod-v000-i1";

    private final FakeCloudProvider cloud = new FakeCloudProvider("test");
    private final EngineHarness engine = new EngineHarness(cloud);
    private final ClusterDeployApi api = new ClusterDeployApi(engine.accounts, engine.runner, engine.planner);
    private final Json json = new Json();

    @BeforeEach
    void deploy() throws Exception {
        ApiResponse started = api.handle(ApiRequest.post("/operations", """
                {"type": "deploy", "account": "test", "application": "hello", "stack": "prod",
                 "strategy": "highlander", "capacity": {"min": 2, "desired": 2, "max": 2},
                 "spec": {"version": "v7"}}"""));
        assertThat(started.status()).isEqualTo(202);
        engine.runner.awaitFinished((String) object(started).get("id"), Duration.ofSeconds(30));
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private Map<String, Object> object(ApiResponse r) {
        return json.readObject(r.json());
    }

    private ApiResponse get(String path, String... query) {
        Map<String, List<String>> q = query.length == 0 ? Map.of() : Map.of(query[0], List.of(query[1]));
        return api.handle(new ApiRequest("GET", path, q, null));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anInstanceWithWhereItRunsItsChecksAndTheCloudsFacts() {
        ApiResponse r = get(INSTANCE);
        assertThat(r.status()).isEqualTo(200);
        Map<String, Object> i = object(r);
        assertThat(i).containsEntry("id", "hello-prod-v000-i1").containsEntry("health", "UP")
                .containsEntry("serverGroup", "hello-prod-v000").containsEntry("cluster", "hello-prod")
                .containsEntry("application", "hello").containsEntry("account", "test")
                .containsEntry("location", "fake-1").containsEntry("facts", Map.of("version", "v7"));
        assertThat((String) i.get("launched")).isNotBlank();
        List<Map<String, Object>> checks = (List<Map<String, Object>>) i.get("healthChecks");
        assertThat(checks).singleElement().satisfies(c -> assertThat(c).containsEntry("type", "fake")
                .containsEntry("state", "UP").containsEntry("detail", "healthy"));
        // The same instance as the group's own read shows it.
        Map<String, Object> group = object(get(GROUP));
        Map<String, Object> listed = ((List<Map<String, Object>>) group.get("instances")).get(1);
        assertThat(i).containsAllEntriesOf(listed);
        assertThat(object(get(INSTANCE, "account", "test"))).containsEntry("id", "hello-prod-v000-i1");

        cloud.setHealthy("hello-prod-v000", false);
        assertThat(object(get(INSTANCE))).containsEntry("health", "DOWN");
    }

    @Test
    void unknownApplicationGroupInstanceOrAccountIs404NamingTheField() {
        assertError(get("/applications/nope/serverGroups/fake-1/hello-prod-v000/instances/hello-prod-v000-i1"),
                404, "application");
        assertError(get(GROUP.replace("v000", "v009") + "/instances/hello-prod-v009-i1"), 404, "name");
        assertError(get(GROUP + "/instances/hello-prod-v000-i2"), 404, "id");
        assertError(get(GROUP + "/instances/hello-prod-v000-i2/log"), 404, "id");
        // Another application's group is not this one's.
        assertError(get("/applications/other/serverGroups/fake-1/hello-prod-v000/instances/hello-prod-v000-i1"),
                404, "application");
        assertError(get(INSTANCE, "account", "nosuch"), 404, "account");
    }

    @Test
    void badInstanceIdsAndLineCountsAre400NamingTheField() {
        for (String bad : List.of("..", ".hidden", "a b", "x%2F..", "i;rm", "a".repeat(254), "-dash")) {
            assertError(get(GROUP + "/instances/" + bad), 400, "id");
            assertError(get(GROUP + "/instances/" + bad + "/log"), 400, "id");
        }
        cloud.keepLogs();
        for (String bad : List.of("0", "-1", "1001", "ten", "1e3", "", "99999")) {
            assertError(get(INSTANCE + "/log", "lines", bad), 400, "lines");
        }
        assertThat(api.handle(ApiRequest.post(INSTANCE + "/log", "{}")).status()).isEqualTo(405);
        assertThat(api.handle(ApiRequest.post(INSTANCE, "{}")).status()).isEqualTo(405);
    }

    @Test
    void theLogsTailWhereTheCloudKeepsOne() {
        cloud.keepLogs();
        for (int n = 1; n <= 300; n++) {
            cloud.print("hello-prod-v000-i1", "line " + n);
        }
        Map<String, Object> log = object(get(INSTANCE + "/log"));
        assertThat(log).containsEntry("id", "hello-prod-v000-i1").containsEntry("lines", 200)
                .containsEntry("truncated", true).containsEntry("maxBytes", 65536);
        assertThat((String) log.get("text")).startsWith("line 101\n").endsWith("line 300\n");
        Map<String, Object> three = object(get(INSTANCE + "/log", "lines", "3"));
        assertThat(three).containsEntry("text", "line 298\nline 299\nline 300\n").containsEntry("lines", 3);
        assertThat(object(get(GROUP + "/instances/hello-prod-v000-i0/log")))
                .containsEntry("text", "").containsEntry("lines", 0).containsEntry("truncated", false);
    }

    @Test
    void aCloudThatKeepsNoLogSaysSo() {
        assertError(get(INSTANCE + "/log"), 404, "log");
        assertThat(object(get(INSTANCE + "/log")).get("message").toString()).contains("account 'test' (fake)");
    }

    private void assertError(ApiResponse r, int status, String field) {
        assertThat(r.status()).as(r.json()).isEqualTo(status);
        assertThat(object(r)).containsEntry("status", status).containsEntry("field", field);
    }
}
