package io.clusterdeploy.standalone.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvSecretResolverTest {
    private final EnvSecretResolver resolver = new EnvSecretResolver(Map.of("API_KEY", "s3cret")::get);

    @Test
    void readsEnvironmentVariables() {
        assertThat(resolver.resolve("accounts[0].token", "env:API_KEY")).isEqualTo("s3cret".toCharArray());
    }

    @Test
    void unsetVariableIsNotFoundNamingTheField() {
        ClusterDeployException e = catchThrowableOfType(ClusterDeployException.class,
                () -> resolver.resolve("accounts[0].token", "env:MISSING"));
        assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(e.field()).isEqualTo("accounts[0].token");
        assertThat(e.getMessage()).contains("MISSING");
    }

    @Test
    void otherSchemesAreRefused() {
        for (String ref : new String[] {"file:/etc/passwd", "vault:x", "API_KEY", "env:", "env:A-B"}) {
            ClusterDeployException e = catchThrowableOfType(ClusterDeployException.class,
                    () -> resolver.resolve("accounts[0].token", ref));
            assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
            assertThat(e.field()).isEqualTo("accounts[0].token");
            assertThat(e.getMessage()).doesNotContain("s3cret");
        }
    }
}
