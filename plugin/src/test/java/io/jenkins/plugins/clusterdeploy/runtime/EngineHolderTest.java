package io.jenkins.plugins.clusterdeploy.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.model.Instance;
import io.clusterdeploy.engine.operation.DirectoryOperationStore;
import io.clusterdeploy.engine.operation.OperationRunner;
import io.clusterdeploy.engine.operation.OperationStatus;
import io.clusterdeploy.engine.provider.CloudProvider;
import io.clusterdeploy.engine.provider.ProviderFactory;
import io.clusterdeploy.engine.provider.ProviderTypes;
import io.clusterdeploy.engine.provider.SecretResolver;
import io.clusterdeploy.provider.local.LocalProviderFactory;
import io.jenkins.plugins.clusterdeploy.account.AccountSpec;
import io.jenkins.plugins.clusterdeploy.config.EngineSpec;
import io.jenkins.plugins.clusterdeploy.testing.SampleApps;
import io.jenkins.plugins.clusterdeploy.validation.BodyValidationHooks;
import io.jenkins.plugins.clusterdeploy.validation.BodyValidations;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The controller's engine follows the configuration: providers started, kept, stopped, and problems reported. */
class EngineHolderTest {
    @TempDir
    Path home;

    private EngineHolder holder;

    /** A provider type that needs a secret and rejects it, quoting it, as a careless provider might. */
    private static final ProviderFactory QUOTING = new ProviderFactory() {
        @Override
        public String type() {
            return "quoting";
        }

        @Override
        public CloudProvider create(String accountName, Map<String, Object> settings, SecretResolver secrets) {
            char[] token = secrets.resolve("credentialsId", String.valueOf(settings.get("credentialsId")));
            throw ClusterDeployException.invalid("credentialsId", "the cloud refused token " + new String(token));
        }
    };

    private EngineHolder holder(ProviderFactory... extra) {
        List<ProviderFactory> factories = new java.util.ArrayList<>(List.of(new LocalProviderFactory()));
        factories.addAll(List.of(extra));
        SecretResolver secrets = (field, reference) -> ("tok-" + reference + "-9f8e7d").toCharArray();
        holder = new EngineHolder(new ProviderTypes(factories), secrets,
                new DirectoryOperationStore(home.resolve("operations")),
                new BodyValidationHooks(new BodyValidations(Duration.ofSeconds(1))),
                new OperationRunner.Options(Clock.systemUTC(), Duration.ofMillis(100)));
        return holder;
    }

    @AfterEach
    void close() {
        if (holder != null) {
            holder.close();
        }
    }

    private AccountSpec local(String name, boolean enabled, List<String> allowed, int interval) {
        return new AccountSpec(name, "local", Map.of("stateDir", home.resolve(name).toString(),
                "healthCheckIntervalMillis", interval), null, enabled, allowed, true);
    }

    @Test
    void onlyEnabledAccountsRunAndUnchangedOnesKeepTheirProcesses() throws Exception {
        EngineHolder h = holder();
        h.apply(new EngineSpec(List.of(local("a", true, List.of("x"), 100), local("b", false, List.of(), 100)),
                List.of()));
        assertThat(h.engine().orElseThrow().accounts().list()).extracting(a -> a.name()).containsExactly("a");
        var engineBefore = h.engine().orElseThrow();
        var deployed = h.operations().awaitFinished(h.operations().start(Map.of("type", "deploy", "account", "a",
                "application", "hello", "capacity", Map.of("min", 1, "desired", 1, "max", 1),
                "spec", SampleApps.spec("v1"))).id(), Duration.ofSeconds(60));
        assertThat(deployed.status()).isEqualTo(OperationStatus.SUCCEEDED);
        Instance running = instance(h, "a");

        // An allowlist change does not touch the engine at all.
        h.apply(new EngineSpec(List.of(local("a", true, List.of("y"), 100), local("b", false, List.of(), 100)),
                List.of()));
        assertThat(h.engine().orElseThrow()).isSameAs(engineBefore);

        // Enabling another account rebuilds the engine, but account a keeps its provider: the same process serves.
        h.apply(new EngineSpec(List.of(local("a", true, List.of("y"), 100), local("b", true, List.of("z"), 100)),
                List.of()));
        assertThat(h.engine().orElseThrow()).isNotSameAs(engineBefore);
        assertThat(h.engine().orElseThrow().accounts().list()).extracting(a -> a.name()).containsExactly("a", "b");
        assertThat(instance(h, "a").address()).isEqualTo(running.address());
        assertThat(instance(h, "a").launched()).isEqualTo(running.launched());

        // Changing a's own settings restarts its provider: the group is started anew, on a new process.
        h.apply(new EngineSpec(List.of(local("a", true, List.of("y"), 150), local("b", true, List.of("z"), 100)),
                List.of()));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            List<Instance> now = h.engine().orElseThrow().accounts().get("a").serverGroup("local", "hello-v000")
                    .orElseThrow().instances();
            return now.size() == 1 && !now.get(0).launched().equals(running.launched());
        });
    }

    @Test
    void aProtectedAccountIsShownSoAndItsDestructiveChangesNeedItsName() {
        EngineHolder h = holder();
        AccountSpec plain = local("a", true, List.of("x"), 100);
        h.apply(new EngineSpec(List.of(new AccountSpec(plain.name(), plain.type(), plain.settings(), null, true,
                plain.allowedJobs(), true, true)), List.of()));
        var api = h.engine().orElseThrow().api();
        assertThat(api.handle(io.clusterdeploy.engine.api.ApiRequest.get("/accounts")).json())
                .contains("\"protected\" : true");
        var refused = api.handle(io.clusterdeploy.engine.api.ApiRequest.post("/operations",
                "{\"type\": \"destroy\", \"account\": \"a\", \"serverGroupName\": \"hello-v000\"}"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json()).contains("\"field\" : \"confirmAccount\"");
    }

    private static Instance instance(EngineHolder h, String account) {
        List<Instance> instances = h.engine().orElseThrow().accounts().get(account).serverGroup("local", "hello-v000")
                .orElseThrow().instances();
        assertThat(instances).hasSize(1);
        return instances.get(0);
    }

    @Test
    void anAccountThatCannotStartIsReportedWithoutItsSecretAndTheOthersRun() {
        EngineHolder h = holder(QUOTING);
        h.apply(new EngineSpec(List.of(
                new AccountSpec("cloud", "quoting", Map.of(), "cloud-token", true, List.of(), false),
                new AccountSpec("odd", "nosuchtype", Map.of(), null, true, List.of(), false),
                new AccountSpec("bad", "local", Map.of("stateDir", home.resolve("bad").toString(), "colour", "red"),
                        null, true, List.of(), true),
                local("good", true, List.of("x"), 100)), List.of()));

        assertThat(h.engine().orElseThrow().accounts().list()).extracting(a -> a.name()).containsExactly("good");
        Map<String, String> problems = h.problems();
        assertThat(problems.get("cloud")).isEqualTo("the cloud refused token ****")
                .doesNotContain("tok-cloud-token-9f8e7d");
        assertThat(problems.get("odd")).contains("unknown provider type 'nosuchtype'").contains("local");
        assertThat(problems.get("bad")).contains("colour");
    }

    @Test
    void configurationsThatSkippedTheFormsChecksDoNotStopTheEngine() {
        EngineHolder h = holder();
        h.apply(new EngineSpec(List.of(local("twice", true, List.of("x"), 100), local("twice", true, List.of("y"), 100),
                new AccountSpec("../escape", "local", Map.of("stateDir", home.resolve("e").toString()), null, true,
                        List.of("x"), true)), List.of()));
        assertThat(h.engine().orElseThrow().accounts().list()).extracting(a -> a.name()).containsExactly("twice");
        assertThat(h.problems().get("twice")).contains("defined twice");
        assertThat(h.problems().get("../escape")).contains("not a valid account name");
    }

    @Test
    void withoutAnEngineOperationsAreUnavailable() {
        EngineHolder h = holder();
        assertThatThrownBy(h::operations).isInstanceOf(ClusterDeployException.class)
                .satisfies(e -> assertThat(((ClusterDeployException) e).kind()).isEqualTo(ErrorKind.UNAVAILABLE));
        h.apply(EngineSpec.empty());
        assertThat(h.operations().list()).isEmpty();
        h.close();
        assertThatThrownBy(h::operations).hasMessageContaining("shutting down");
        assertThatThrownBy(() -> h.apply(EngineSpec.empty())).hasMessageContaining("shutting down");
    }
}
