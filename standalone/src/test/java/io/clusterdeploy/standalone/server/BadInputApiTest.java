package io.clusterdeploy.standalone.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.json.Json;
import io.clusterdeploy.standalone.demo.SampleAppCommand;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Bad requests over the real API: a JSON error naming the field, and nothing created or stored. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputApiTest {
    /** Static: with one instance per class, @BeforeAll runs before instance fields are injected. */
    @TempDir
    static Path tmp;

    private StandaloneServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Json json = new Json();

    @BeforeAll
    void start() throws Exception {
        server = TestServer.start(tmp.resolve("state"));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private Map<String, Object> deploy(Consumer<Map<String, Object>> change) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "deploy");
        m.put("account", "local");
        m.put("application", "badinput");
        m.put("stack", "test");
        m.put("capacity", Map.of("min", 1, "desired", 1, "max", 1));
        m.put("strategy", "none");
        m.put("spec", SampleAppCommand.spec("v1"));
        change.accept(m);
        return m;
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + "/operations"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + server.token().value())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private void assertRefused(Map<String, Object> request, int status, String field, String messagePart) throws Exception {
        HttpResponse<String> r = post(json.write(request));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        Map<String, Object> e = json.readObject(r.body());
        assertThat(e).containsEntry("status", status).containsEntry("field", field);
        assertThat((String) e.get("message")).contains(messagePart);
        assertNothingExists();
    }

    private void assertNothingExists() throws Exception {
        assertThat((List<?>) json.read(get("/applications"), List.class)).isEmpty();
        assertThat((List<?>) json.read(get("/applications/badinput/clusters"), List.class)).isEmpty();
        assertThat((List<?>) json.read(get("/operations"), List.class)).as("no operation stored").isEmpty();
        assertThat(ProcessHandle.current().children()).as("no process started").isEmpty();
    }

    @Test
    void invalidApplicationName() throws Exception {
        assertRefused(deploy(m -> m.put("application", "bad name!")), 400, "application", "bad name!");
    }

    @Test
    void invalidLoadBalancerName() throws Exception {
        assertRefused(Map.of("type", "upsertLoadBalancer", "account", "local", "name", "hello-v001",
                "spec", Map.of("port", 1)), 400, "name", "version");
    }

    @Test
    void capacityMinAboveMax() throws Exception {
        assertRefused(deploy(m -> m.put("capacity", Map.of("min", 3, "desired", 2, "max", 1))), 400,
                "capacity.min", "must not exceed capacity.max");
    }

    @Test
    void unknownAccount() throws Exception {
        assertRefused(deploy(m -> m.put("account", "nope")), 404, "account", "unknown account 'nope'");
    }

    @Test
    void nonexistentCommand() throws Exception {
        assertRefused(deploy(m -> m.put("spec", Map.of("command", List.of("/nonexistent/bin/hello", "--port", "$PORT")))),
                400, "spec.command", "/nonexistent/bin/hello");
    }

    @Test
    void unknownDeployField() throws Exception {
        assertRefused(deploy(m -> m.put("strategyy", "redblack")), 400, "strategyy", "unknown field");
    }

    @Test
    void unknownLoadBalancer() throws Exception {
        assertRefused(deploy(m -> m.put("loadBalancers", List.of("badinput-nope"))), 400, "loadBalancers", "badinput-nope");
    }

    @Test
    void malformedJson() throws Exception {
        HttpResponse<String> r = post("{\"type\": ");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json.readObject(r.body())).containsEntry("field", "body");
        assertNothingExists();
    }

    private void assertRefusedRaw(String body, int status, String field, String messagePart) throws Exception {
        HttpResponse<String> r = post(body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        Map<String, Object> e = json.readObject(r.body());
        assertThat(e).containsEntry("field", field);
        assertThat((String) e.get("message")).contains(messagePart);
        assertNothingExists();
    }

    @Test
    void numbersThatDoNotFitAreRefusedQuotingWhatWasSent() throws Exception {
        String body = json.write(deploy(m -> { })).replace("\"desired\" : 1", "\"desired\" : 18446744073709551616");
        assertRefusedRaw(body, 400, "capacity.desired", "18446744073709551616");
        assertRefusedRaw(json.write(deploy(m -> m.put("strategy", "rollingredblack")))
                .replace("\"strategy\"", "\"targetPercentages\": [4294967346], \"strategy\""), 400,
                "targetPercentages[0]", "4294967346");
        assertRefusedRaw(json.write(deploy(m -> { })).replace("\"min\" : 1", "\"min\" : 0.5"), 400,
                "capacity.min", "0.5");
    }

    @Test
    void aStringFieldTakesOnlyAString() throws Exception {
        for (String sent : List.of("123", "true", "1.5e3")) {
            String body = json.write(deploy(m -> { })).replace("\"badinput\"", sent);
            assertRefusedRaw(body, 400, "application", "must be a string");
        }
    }

    @Test
    void aKeyGivenTwiceIsRefused() throws Exception {
        String body = json.write(deploy(m -> { })).replaceFirst("\\{", "{\"account\": \"other\", ");
        assertRefusedRaw(body, 400, "body", "account");
    }

    @Test
    void aBodyNestedTooDeeplyToBeStoredIsRefused() throws Exception {
        int depth = io.clusterdeploy.engine.json.Json.MAX_REQUEST_DEPTH + 1;
        String spec = "{\"x\":".repeat(depth) + "1" + "}".repeat(depth);
        String body = json.write(deploy(m -> { })).replaceFirst("\\{", "{\"deep\": " + spec + ", ");
        assertRefusedRaw(body, 400, "body", "nested more than");
    }

    @Test
    void namesMadeOfDotsAreRefused() throws Exception {
        assertRefused(deploy(m -> m.put("application", "..")), 400, "application", "only of dots");
        assertRefused(Map.of("type", "upsertLoadBalancer", "account", "local", "name", "..", "spec",
                Map.of("port", 1)), 400, "name", "only of dots");
    }

    @Test
    void aNulInACommandArgumentIsRefusedBeforeAnythingStarts() throws Exception {
        Map<String, Object> spec = new LinkedHashMap<>(SampleAppCommand.spec("v1"));
        List<Object> command = new java.util.ArrayList<>((List<?>) spec.get("command"));
        command.add("--name=a\u0000b");
        spec.put("command", command);
        assertRefused(deploy(m -> m.put("spec", spec)), 400, "spec.command[" + (command.size() - 1) + "]", "NUL");
    }

    @Test
    void aLoadBalancerSpecIsCheckedBeforeTheOperationIsAccepted() throws Exception {
        assertRefused(Map.of("type", "upsertLoadBalancer", "account", "local", "name", "badinput-lb",
                "spec", Map.of("port", "8080")), 400, "spec.port", "whole number");
        assertRefused(Map.of("type", "upsertLoadBalancer", "account", "local", "name", "badinput-lb",
                "spec", Map.of("port", 70_000)), 400, "spec.port", "70000");
        assertRefused(Map.of("type", "upsertLoadBalancer", "account", "local", "name", "badinput-lb",
                "spec", Map.of("port", 8080, "tls", true)), 400, "spec.tls", "unknown field");
        assertRefused(Map.of("type", "upsertLoadBalancer", "account", "local", "name", "badinput-lb",
                "spec", List.of(8080)), 400, "spec", "must be an object");
    }
}
