package io.jenkins.plugins.clusterdeploy.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.api.ApiResponse;
import io.jenkins.plugins.clusterdeploy.account.LocalAccount;
import io.jenkins.plugins.clusterdeploy.config.ClusterDeployConfiguration;
import io.jenkins.plugins.clusterdeploy.testing.TestRuntime;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The root action's API is the engine's own, behind the checks Jenkins adds. */
class ApiGatewayTest {
    @TempDir
    Path home;

    @Test
    void servesTheEnginesHandlers() throws Exception {
        LocalAccount local = new LocalAccount("local");
        local.setEnabled(true);
        local.setAllowedJobs(List.of("x"));
        ClusterDeployConfiguration config = new ClusterDeployConfiguration();
        config.setAccounts(List.of(local));
        try (TestRuntime runtime = new TestRuntime(home, config)) {
            ApiGateway gateway = new ApiGateway(() -> Optional.of(runtime.engine().api()));

            ApiResponse accounts = gateway.read("/accounts", Map.of());
            assertThat(accounts.status()).isEqualTo(200);
            assertThat(accounts.json()).contains("\"name\" : \"local\"").contains("\"provider\" : \"local\"");
            assertThat(gateway.read("", Map.of()).status()).isEqualTo(404);
            assertThat(gateway.read("operations", Map.of()).json()).isEqualTo("[ ]");
            assertThat(gateway.read("/applications/hello/clusters", Map.of("account", List.of("nope"))).status())
                    .isEqualTo(404);

            // A bad request is refused by the engine, naming the field, and nothing runs.
            ApiResponse bad = gateway.write("/operations", "application/json; charset=UTF-8",
                    new StringReader("{\"type\": \"deploy\", \"account\": \"local\", \"application\": \"hello\","
                            + " \"capacity\": {\"min\": 3, \"desired\": 1, \"max\": 1}}"));
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json()).contains("\"field\" : \"capacity.min\"");

            ApiResponse started = gateway.write("/operations", "application/json",
                    new StringReader("{\"type\": \"upsertLoadBalancer\", \"account\": \"local\", \"name\": \"hello\","
                            + " \"spec\": {\"port\": " + io.jenkins.plugins.clusterdeploy.testing.SampleApps.freePort()
                            + "}}"));
            assertThat(started.status()).isEqualTo(202);
            assertThat(runtime.operations().list()).hasSize(1);
        }
    }

    @Test
    void refusesWhatTheStandaloneServerWouldRefuseAndAnswers503WithoutEngine() throws Exception {
        ApiGateway gateway = new ApiGateway(Optional::empty);
        assertThat(gateway.write("/operations", "text/plain", new StringReader("{}")).status()).isEqualTo(415);
        assertThat(gateway.write("/operations", null, new StringReader("{}")).status()).isEqualTo(415);
        String huge = "{\"x\": \"" + "a".repeat(ApiGateway.MAX_BODY_CHARS) + "\"}";
        assertThat(gateway.write("/operations", "application/json", new StringReader(huge)).status()).isEqualTo(413);
        ApiResponse down = gateway.read("/accounts", Map.of());
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.json()).contains("not running");
    }
}
