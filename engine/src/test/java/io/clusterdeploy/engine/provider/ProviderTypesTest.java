package io.clusterdeploy.engine.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderTypesTest {

    private static ProviderFactory factory(String type) {
        return new ProviderFactory() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public CloudProvider create(String accountName, Map<String, Object> settings, SecretResolver secrets) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void findsFactoriesByTypeAndListsThemSorted() {
        ProviderFactory local = factory("local");
        ProviderTypes types = new ProviderTypes(List.of(factory("kubernetes"), local, factory("aws")));
        assertThat(types.known()).containsExactly("aws", "kubernetes", "local");
        assertThat(types.get("local")).containsSame(local);
        assertThat(types.get("gce")).isEmpty();
        assertThat(types.get(null)).isEmpty();
        assertThat(types.require("accounts[0].type", "local")).isSameAs(local);
    }

    @Test
    void anUnknownTypeNamesTheFieldAndTheKnownTypes() {
        ProviderTypes types = new ProviderTypes(List.of(factory("local")));
        assertThatThrownBy(() -> types.require("accounts[2].type", "gce"))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                    assertThat(e.field()).isEqualTo("accounts[2].type");
                    assertThat(e.getMessage()).contains("'gce'", "local");
                });
    }

    @Test
    void aTypeRegisteredTwiceIsRefused() {
        assertThatThrownBy(() -> new ProviderTypes(List.of(factory("local"), factory("local"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'local' is registered twice");
    }
}
