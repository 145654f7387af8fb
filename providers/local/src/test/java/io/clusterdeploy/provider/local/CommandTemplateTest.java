package io.clusterdeploy.provider.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandTemplateTest {

    @Test
    void placeholdersAreFilledInEachArgument() {
        CommandTemplate command = CommandTemplate.parse("spec.command",
                List.of("app", "--port=$PORT", "${PORT}", "--id", "$INSTANCE_ID", "x${INSTANCE_ID}y", "$PORTS", "$$PORT", "7"));

        assertThat(command.render(8080, "hello-v001-2")).containsExactly(
                "app", "--port=8080", "8080", "--id", "hello-v001-2", "xhello-v001-2y", "$PORTS", "$8080", "7");
        assertThat(command.toString()).isEqualTo("app --port=$PORT ${PORT} --id $INSTANCE_ID x${INSTANCE_ID}y $PORTS $$PORT 7");
    }

    @Test
    void everyArgumentMustBeAStringWithoutNul() {
        assertThatThrownBy(() -> CommandTemplate.parse("spec.command", List.of("app", 7)))
                .isInstanceOfSatisfying(ClusterDeployException.class,
                        e -> assertThat(e.field()).isEqualTo("spec.command[1]"));
        assertThatThrownBy(() -> CommandTemplate.parse("spec.command", List.of("app", "--name=a\u0000b")))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                    assertThat(e.field()).isEqualTo("spec.command[1]");
                    assertThat(e.getMessage()).contains("NUL");
                });
        assertThatThrownBy(() -> CommandTemplate.parse("spec.command", "app --x=a\u0000b"))
                .isInstanceOfSatisfying(ClusterDeployException.class,
                        e -> assertThat(e.field()).isEqualTo("spec.command"));
        assertThatThrownBy(() -> DeploySpec.parse(Map.of("command", "x", "env", Map.of("N", 3))))
                .isInstanceOfSatisfying(ClusterDeployException.class,
                        e -> assertThat(e.field()).isEqualTo("spec.env.N"));
    }

    @Test
    void oneStringIsSplitOnWhitespaceWithoutAnyShell() {
        CommandTemplate command = CommandTemplate.parse("spec.command", "  java  -jar app.jar\t--port $PORT; rm -rf /  ");

        assertThat(command.args()).containsExactly("java", "-jar", "app.jar", "--port", "$PORT;", "rm", "-rf", "/");
        assertThat(command.executable()).isEqualTo("java");
    }

    @Test
    void specDefaults() {
        DeploySpec spec = DeploySpec.parse(Map.of("command", "java -version"));

        assertThat(spec.healthCheckPath()).isEqualTo("/health");
        assertThat(spec.env()).isEmpty();
        assertThat(spec.shutdownTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(DeploySpec.parse(Map.of("command", "x", "env", Map.of("P", "$PORT", "N", "3"))).renderEnv(9, "i"))
                .containsEntry("P", "9").containsEntry("N", "3");
    }
}
