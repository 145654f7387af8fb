package io.clusterdeploy.provider.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.model.Account;
import io.clusterdeploy.engine.provider.CloudProvider;
import io.clusterdeploy.engine.provider.ProviderFactory;
import io.clusterdeploy.engine.provider.SecretResolver;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalProviderFactoryTest {
    @TempDir
    Path dir;

    private static ProviderFactory local() {
        return ServiceLoader.load(ProviderFactory.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(f -> f.type().equals("local"))
                .findFirst().orElseThrow();
    }

    @Test
    void registeredWithServiceLoaderAndBuildsALocalAccount() {
        Path stateDir = dir.resolve("state");
        try (CloudProvider provider = local().create("dev", Map.of("stateDir", stateDir.toString()), SecretResolver.NONE)) {
            assertThat(provider.account()).isEqualTo(new Account("dev", "local", List.of("local")));
            assertThat(provider.applications()).isEmpty();
        }
        assertThat(stateDir).isDirectory();
    }

    @Test
    void defaultsNeedNoSettings() {
        try (CloudProvider provider = local().create("dev", Map.of(), SecretResolver.NONE)) {
            assertThat(provider.account().locations()).containsExactly("local");
        }
    }

    @Test
    void badSettingsNameTheField() {
        assertThatThrownBy(() -> local().create("dev", Map.of("locations", List.of("x")), SecretResolver.NONE))
                .isInstanceOfSatisfying(ClusterDeployException.class,
                        e -> assertThat(e.field()).isEqualTo("accounts[dev].locations"));
        assertThatThrownBy(() -> local().create("dev", Map.of("healthCheckIntervalMillis", 0), SecretResolver.NONE))
                .isInstanceOfSatisfying(ClusterDeployException.class,
                        e -> assertThat(e.field()).isEqualTo("accounts[dev].healthCheckIntervalMillis"));
        assertThatThrownBy(() -> local().create("dev", Map.of("stateDir", ""), SecretResolver.NONE))
                .isInstanceOfSatisfying(ClusterDeployException.class,
                        e -> assertThat(e.field()).isEqualTo("accounts[dev].stateDir"));
    }
}
