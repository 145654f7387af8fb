package io.jenkins.plugins.clusterdeploy.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.api.ApiResponse;
import io.clusterdeploy.engine.operation.OperationState;
import io.jenkins.plugins.clusterdeploy.account.LocalAccount;
import io.jenkins.plugins.clusterdeploy.config.ClusterDeployConfiguration;
import io.jenkins.plugins.clusterdeploy.testing.SampleApps;
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
        try (TestRuntime runtime = withLocalAccount()) {
            ApiGateway gateway = new ApiGateway(() -> Optional.of(runtime.engine().api()), rules(runtime));

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
                            + " \"capacity\": {\"min\": 3, \"desired\": 1, \"max\": 1}}"), true);
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json()).contains("\"field\" : \"capacity.min\"");

            ApiResponse started = gateway.write("/operations", "application/json",
                    new StringReader("{\"type\": \"upsertLoadBalancer\", \"account\": \"local\", \"name\": \"hello\","
                            + " \"spec\": {\"port\": " + io.jenkins.plugins.clusterdeploy.testing.SampleApps.freePort()
                            + "}}"), true);
            assertThat(started.status()).isEqualTo(202);
            assertThat(runtime.operations().list()).hasSize(1);
        }
    }

    @Test
    void refusesWhatTheStandaloneServerWouldRefuseAndAnswers503WithoutEngine() throws Exception {
        ApiGateway gateway = new ApiGateway(Optional::empty, OPEN);
        assertThat(gateway.write("/operations", "text/plain", new StringReader("{}"), false).status()).isEqualTo(415);
        assertThat(gateway.write("/operations", null, new StringReader("{}"), false).status()).isEqualTo(415);
        String huge = "{\"x\": \"" + "a".repeat(ApiGateway.MAX_BODY_CHARS) + "\"}";
        assertThat(gateway.write("/operations", "application/json", new StringReader(huge), false).status())
                .isEqualTo(413);
        ApiResponse down = gateway.read("/accounts", Map.of());
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.json()).contains("not running");
    }

    /** A runtime with one enabled local account. */
    private TestRuntime withLocalAccount() {
        LocalAccount local = new LocalAccount("local");
        local.setEnabled(true);
        local.setAllowedJobs(List.of("x"));
        ClusterDeployConfiguration config = new ClusterDeployConfiguration();
        config.setAccounts(List.of(local));
        return new TestRuntime(home, config);
    }

    /** No account needs Administer. */
    private static final ApiChangeRules OPEN = new ApiChangeRules() {
        @Override
        public boolean needsAdministrator(String account) {
            return false;
        }

        @Override
        public Optional<OperationState> operation(String id) {
            return Optional.empty();
        }
    };

    private static ApiChangeRules rules(TestRuntime runtime) {
        return new ApiChangeRules() {
            @Override
            public boolean needsAdministrator(String account) {
                return runtime.runsOnController(account);
            }

            @Override
            public Optional<OperationState> operation(String id) {
                return runtime.operations().get(id);
            }
        };
    }

    @Test
    void changesOnALocalAccountNeedAdministerHowEverTheRequestIsWritten() throws Exception {
        try (TestRuntime runtime = withLocalAccount()) {
            ApiGateway gateway = new ApiGateway(() -> Optional.of(runtime.engine().api()), rules(runtime));
            String lb = "\"type\": \"upsertLoadBalancer\", \"name\": \"hello\", \"spec\": {\"port\": "
                    + SampleApps.freePort() + "}";
            List<String> bodies = List.of(
                    "{" + lb + ", \"account\": \"local\"}",
                    "{" + lb + ", \"account\": \"local\", \"dryRun\": true}");
            for (String body : bodies) {
                for (String path : List.of("/operations", "operations", "/operations/")) {
                    ApiResponse refused = gateway.write(path, "application/json", new StringReader(body), false);
                    assertThat(refused.status()).as(path + " " + body).isEqualTo(403);
                    assertThat(refused.json()).contains("\"field\" : \"account\"")
                            .contains("runs processes on the Jenkins controller").contains("Overall/Administer");
                }
            }
            // The engine's reader refuses duplicate keys; so does the check, before anything runs.
            for (String path : List.of("/operations", "operations")) {
                ApiResponse refused = gateway.write(path, "application/json", new StringReader(
                        "{" + lb + ", \"account\": \"other\", \"account\": \"local\"}"), false);
                assertThat(refused.status()).isEqualTo(400);
                assertThat(refused.json()).contains("\"field\" : \"body\"");
            }
            assertThat(runtime.operations().list()).as("nothing started").isEmpty();
            assertThat(gateway.write("/accounts", "application/json", new StringReader("{}"), false).status())
                    .as("a change the gateway cannot attribute to an account").isEqualTo(403);

            // Administrators may; the cancel of a local account's operation is theirs too.
            ApiResponse started = gateway.write("/operations", "application/json", new StringReader(bodies.get(0)),
                    true);
            assertThat(started.status()).isEqualTo(202);
            String id = runtime.operations().list().get(0).id();
            runtime.operations().awaitFinished(id, java.time.Duration.ofSeconds(60));
            assertThat(gateway.write("/operations/" + id + "/cancel", "application/json", new StringReader("{}"), false)
                    .status()).isEqualTo(403);
            assertThat(gateway.write("/operations/" + id + "/cancel", "application/json", new StringReader("{}"), true)
                    .status()).as("finished already: the engine's answer").isEqualTo(409);
            assertThat(gateway.write("/operations/nope/cancel", "application/json", new StringReader("{}"), false)
                    .status()).as("unknown operation: the engine's answer").isEqualTo(404);
            ApiResponse spoofed = gateway.write("/operations/" + id + "/cancel", "application/json",
                    new StringReader("{\"cancelledBy\": \"someone else\"}"), true, "Jenkins user alice");
            assertThat(spoofed.status()).as("who cancels is Jenkins' to say").isEqualTo(400);
            assertThat(spoofed.json()).contains("\"field\" : \"cancelledBy\"");

            // Accounts that do not run on the controller stay with ClusterDeploy/Operate: the engine answers.
            ApiResponse unknown = gateway.write("/operations", "application/json",
                    new StringReader("{" + lb + ", \"account\": \"elsewhere\"}"), false);
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.json()).contains("unknown account 'elsewhere'");
            assertThat(gateway.write("/operations", "application/json", new StringReader("{\"type\": 1}"), false)
                    .status()).as("no account at all: the engine's 400").isEqualTo(400);
        }
    }
}
