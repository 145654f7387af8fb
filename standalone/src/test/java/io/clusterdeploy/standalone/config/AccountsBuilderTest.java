package io.clusterdeploy.standalone.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.provider.Accounts;
import io.clusterdeploy.engine.provider.ProviderTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Config through to real providers (the local one, found by ServiceLoader). */
class AccountsBuilderTest {
    @TempDir
    Path tmp;

    private final ProviderTypes types = ProviderTypes.discover(ProviderTypes.class.getClassLoader());

    private StandaloneConfig load(String yaml) throws IOException {
        Path file = tmp.resolve("config.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader(types).load(file);
    }

    @Test
    void theLocalProviderIsFoundByServiceLoader() {
        assertThat(types.known()).contains("local");
    }

    @Test
    void buildsEveryConfiguredAccount() throws IOException {
        Path local = tmp.resolve("local-state");
        StandaloneConfig config = load("""
                accounts:
                  - {name: one, type: local, stateDir: %s, healthCheckIntervalMillis: 100}
                  - {name: two, type: local, stateDir: %s}
                """.formatted(local.resolve("one"), local.resolve("two")));

        try (Accounts accounts = new AccountsBuilder(types, EnvSecretResolver.system()).build(config, "config.yaml")) {
            assertThat(accounts.list()).extracting(a -> a.name() + ":" + a.provider())
                    .containsExactly("one:local", "two:local");
        }
    }

    @Test
    void unknownProviderSettingIsNamedByItsPositionAndCreatesNothing() throws IOException {
        Path providerState = tmp.resolve("provider-state");
        StandaloneConfig config = load("""
                accounts:
                  - name: local
                    type: local
                    stateDir: %s
                    colour: blue
                """.formatted(providerState));

        ClusterDeployException e = catchThrowableOfType(ClusterDeployException.class,
                () -> new AccountsBuilder(types, EnvSecretResolver.system()).build(config, "config.yaml"));

        assertThat(e.field()).isEqualTo("accounts[0].colour");
        assertThat(e.getMessage()).contains("config.yaml").contains("accounts[0].colour");
        assertThat(providerState).doesNotExist();
    }

    @Test
    void badProviderValueIsNamed() throws IOException {
        StandaloneConfig config = load("""
                accounts:
                  - {name: fine, type: local, stateDir: %s}
                  - {name: local, type: local, healthCheckIntervalMillis: -5}
                """.formatted(tmp.resolve("fine")));

        ClusterDeployException e = catchThrowableOfType(ClusterDeployException.class,
                () -> new AccountsBuilder(types, EnvSecretResolver.system()).build(config, "config.yaml"));

        assertThat(e.field()).isEqualTo("accounts[1].healthCheckIntervalMillis");
    }

    @Test
    void aBadSecondAccountLeavesTheFirstUnbuilt() throws IOException {
        Path first = tmp.resolve("first-state");
        StandaloneConfig config = load("""
                accounts:
                  - {name: one, type: local, stateDir: %s}
                  - {name: two, type: local, healthCheckIntervalMillis: 5}
                """.formatted(first));

        ClusterDeployException e = catchThrowableOfType(ClusterDeployException.class,
                () -> new AccountsBuilder(types, EnvSecretResolver.system()).build(config, "config.yaml"));

        assertThat(e.field()).isEqualTo("accounts[1].healthCheckIntervalMillis");
        assertThat(first).as("account one was never built").doesNotExist();
    }
}
