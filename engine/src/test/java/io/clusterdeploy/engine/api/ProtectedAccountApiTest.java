package io.clusterdeploy.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.catalog.OperationType;
import io.clusterdeploy.engine.json.Json;
import io.clusterdeploy.engine.operation.OperationStatus;
import io.clusterdeploy.engine.provider.Accounts;
import io.clusterdeploy.engine.testing.EngineHarness;
import io.clusterdeploy.engine.testing.FakeCloudProvider;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** On a protected account, a destructive change runs only with the account's name typed: the server asks too. */
class ProtectedAccountApiTest {
    private final FakeCloudProvider cloud = new FakeCloudProvider("prod");
    private final EngineHarness engine = new EngineHarness(cloud);
    private final ClusterDeployApi api = new ClusterDeployApi(new Accounts(engine.accounts.providers(), Set.of("prod")),
            engine.runner, engine.planner);
    private final Json json = new Json();

    @AfterEach
    void close() {
        engine.close();
    }

    private Map<String, Object> post(Map<String, Object> request) {
        return json.readObject(api.handle(ApiRequest.post("/operations", json.write(request))).json());
    }

    private void deployed() throws Exception {
        Map<String, Object> deploy = json.readObject("""
                {"type": "deploy", "account": "prod", "application": "hello", "stack": "prod",
                 "capacity": {"min": 1, "desired": 1, "max": 1}, "spec": {"version": "v1"}}""");
        Map<String, Object> started = post(deploy); // not destructive: no name asked
        assertThat(started).containsKey("id");
        assertThat(engine.runner.awaitFinished((String) started.get("id"), Duration.ofSeconds(30)).status())
                .isEqualTo(OperationStatus.SUCCEEDED);
    }

    private static Map<String, Object> destroy() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("type", "destroy");
        r.put("account", "prod");
        r.put("serverGroupName", "hello-prod-v000");
        return r;
    }

    @Test
    void accountsSayWhichAreProtected() {
        assertThat(json.read(api.handle(ApiRequest.get("/accounts")).json(), List.class)).containsExactly(
                Map.of("name", "prod", "provider", "fake", "locations", List.of("fake-1"), "protected", true));
    }

    @Test
    void aDestroyIsRefusedUntilTheAccountIsNamedAndThePlanSaysWhatToType() throws Exception {
        deployed();
        int before = cloud.mutations().size();

        Map<String, Object> plan = json.readObject(api.handle(ApiRequest.post("/operations",
                json.write(with(destroy(), "dryRun", true)))).json());
        assertThat(plan).containsEntry("outcome", "SUCCEEDS").containsEntry("confirmAccount", "prod");

        assertThat(post(destroy())).containsEntry("status", 400).containsEntry("field", "confirmAccount")
                .extractingByKey("message").asString().contains("'prod' is protected").contains("\"confirmAccount\": \"prod\"");
        // The fingerprint of a plan is no substitute for the name.
        assertThat(post(with(destroy(), "planFingerprint", plan.get("fingerprint"))))
                .containsEntry("status", 400).containsEntry("field", "confirmAccount");
        for (Object wrong : List.of("Prod", "staging", "", 7)) {
            assertThat(post(with(destroy(), "confirmAccount", wrong)))
                    .containsEntry("status", 400).containsEntry("field", "confirmAccount");
        }
        assertThat(cloud.mutations()).hasSize(before);
        assertThat(engine.runner.list(null, 100)).hasSize(1); // only the deploy

        Map<String, Object> started = post(with(with(destroy(), "confirmAccount", "prod"),
                "planFingerprint", plan.get("fingerprint")));
        assertThat(started).containsEntry("type", "destroy");
        assertThat(engine.runner.awaitFinished((String) started.get("id"), Duration.ofSeconds(30)).status())
                .isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(cloud.serverGroups("hello")).isEmpty();
    }

    @Test
    void everyDestructiveTypeAsksAndNoOtherDoes() throws Exception {
        deployed();
        List<OperationType> destructive = Arrays.stream(OperationType.values()).filter(OperationType::destructive).toList();
        assertThat(destructive).extracting(OperationType::id).containsExactlyInAnyOrder(
                "disable", "destroy", "disableCluster", "scaleDownCluster", "shrinkCluster", "rollbackCluster");
        for (OperationType t : destructive) {
            Map<String, Object> r = new LinkedHashMap<>(Map.of("type", t.id(), "account", "prod",
                    "serverGroupName", "hello-prod-v000", "cluster", "hello-prod"));
            assertThat(post(r)).as(t.id()).containsEntry("status", 400).containsEntry("field", "confirmAccount");
        }
        // A resize and an enable are not destructive: they run without the name; their plans ask for none.
        Map<String, Object> resize = new LinkedHashMap<>(Map.of("type", "resize", "account", "prod",
                "serverGroupName", "hello-prod-v000", "capacity", Map.of("min", 1, "desired", 2, "max", 2)));
        assertThat(json.readObject(api.handle(ApiRequest.post("/operations", json.write(with(resize, "dryRun", true))))
                .json())).containsEntry("confirmAccount", null).containsEntry("outcome", "SUCCEEDS");
        Map<String, Object> started = post(resize);
        assertThat(engine.runner.awaitFinished((String) started.get("id"), Duration.ofSeconds(30)).status())
                .isEqualTo(OperationStatus.SUCCEEDED);
    }

    private static Map<String, Object> with(Map<String, Object> request, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(request);
        copy.put(key, value);
        return copy;
    }
}
