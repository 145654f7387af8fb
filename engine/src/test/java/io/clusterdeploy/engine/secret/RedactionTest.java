package io.clusterdeploy.engine.secret;

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

    @Test
    void masksTheValuesOfSecretArgumentsInlineOrNext() {
        assertThat(Redaction.args(List.of("java", "-Ddb.password=hunter2", "--token=abc", "--api-key", "k3y",
                "--verbose", "PGPASSWORD=x", "--keyspace=orders", "--port", "8080", "--secret")))
                .containsExactly("java", "-Ddb.password=****", "--token=****", "--api-key", "****",
                        "--verbose", "PGPASSWORD=****", "--keyspace=orders", "--port", "8080", "--secret");
        assertThat(Redaction.commandLine("app --password s3cr3t --name hello token=t0k"))
                .isEqualTo("app --password **** --name hello token=****");
    }

    @Test
    void masksTheUserInfoOfUrlsInArgumentsAndText() {
        assertThat(Redaction.args(List.of("--db", "jdbc:postgresql://admin:pw@db:5432/app")))
                .containsExactly("--db", "jdbc:postgresql://****@db:5432/app");
        assertThat(Redaction.text("posting to https://bot:xyz@hooks.example.com/x failed"))
                .isEqualTo("posting to https://****@hooks.example.com/x failed");
    }

    @Test
    void urlsAreLoggedWithoutUserInfoOrQueryValues() {
        assertThat(Redaction.url(java.net.URI.create("https://user:pw@hooks.example.com:8443/h/1?token=abc&team=x#f")))
                .isEqualTo("https://****@hooks.example.com:8443/h/1?token=****&team=****");
        assertThat(Redaction.url(java.net.URI.create("http://127.0.0.1:9000/events")))
                .isEqualTo("http://127.0.0.1:9000/events");
    }

    @Test
    void commandsInRequestsAndImagesInContextsAreMasked() {
        assertThat(Redaction.redact(Map.of("spec", Map.of("command", List.of("app", "--password=x")),
                "image", "app --token abc")))
                .isEqualTo(Map.of("spec", Map.of("command", List.of("app", "--password=****")),
                        "image", "app --token ****"));
    }
}
