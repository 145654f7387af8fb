package io.clusterdeploy.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactionTest {
    @Test
    void masksEnvironmentValuesAndSecretLookingKeysEverywhere() {
        Object shown = Redaction.redact(Map.of(
                "application", "hello",
                "spec", Map.of("command", List.of("java", "-jar", "app.jar"),
                        "env", Map.of("DB_PASSWORD", "hunter2", "MODE", "prod")),
                "validation", Map.of("url", "http://127.0.0.1/check", "authToken", "abc"),
                "accounts", List.of(Map.of("clientSecret", "s3"))));

        assertThat(shown).isEqualTo(Map.of(
                "application", "hello",
                "spec", Map.of("command", List.of("java", "-jar", "app.jar"),
                        "env", Map.of("DB_PASSWORD", "****", "MODE", "****")),
                "validation", Map.of("url", "http://127.0.0.1/check", "authToken", "****"),
                "accounts", List.of(Map.of("clientSecret", "****"))));
    }
}
