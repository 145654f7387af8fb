package io.jenkins.plugins.clusterdeploy.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.util.ListBoxModel;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Credentials ids resolved to secrets when a provider asks, and secrets kept out of messages. */
class CredentialsResolutionTest {
    private final List<String> lookups = new ArrayList<>();

    private CredentialsSecretResolver resolver(StandardCredentials... store) {
        Map<String, StandardCredentials> byId = List.of(store).stream()
                .collect(Collectors.toMap(StandardCredentials::getId, Function.identity()));
        return new CredentialsSecretResolver(id -> {
            lookups.add(id);
            return Optional.ofNullable(byId.get(id));
        });
    }

    @Test
    void eachSupportedKindResolvesToItsSecret() {
        CredentialsSecretResolver r = resolver(FakeCredentials.text("text", "t0ken"),
                FakeCredentials.file("file", "line1\nline2\n".getBytes(StandardCharsets.UTF_8)),
                FakeCredentials.userPass("up", "deployer", "pa55word"));
        assertThat(new String(r.resolve("credentialsId", "text"))).isEqualTo("t0ken");
        assertThat(new String(r.resolve("credentialsId", "file"))).isEqualTo("line1\nline2\n");
        assertThat(new String(r.resolve("credentialsId", "up"))).isEqualTo("pa55word");
    }

    @Test
    void everyResolutionLooksTheCredentialsUpAgain() {
        CredentialsSecretResolver r = resolver(FakeCredentials.text("text", "t0ken"));
        r.resolve("credentialsId", "text");
        r.resolve("credentialsId", "text");
        assertThat(lookups).containsExactly("text", "text");
    }

    @Test
    void errorsNameTheFieldAndIdButNeverTheSecret() {
        CredentialsSecretResolver r = resolver(FakeCredentials.other("ssh"),
                FakeCredentials.file("broken", null),
                FakeCredentials.file("binary", new byte[] {(byte) 0xff, (byte) 0xfe, 0x00}),
                FakeCredentials.file("huge", new byte[(1 << 20) + 1]));

        ClusterDeployException missing = catchRefusal(() -> r.resolve("credentialsId", "nope"));
        assertThat(missing.kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(missing.field()).isEqualTo("credentialsId");
        assertThat(missing.getMessage()).contains("no credentials with id 'nope'");

        assertThat(catchRefusal(() -> r.resolve("credentialsId", "ssh")).getMessage()).contains("unsupported kind");
        assertThat(catchRefusal(() -> r.resolve("credentialsId", "broken")).getMessage())
                .contains("cannot read secret file 'broken'");
        assertThat(catchRefusal(() -> r.resolve("credentialsId", "binary")).getMessage()).contains("not UTF-8");
        assertThat(catchRefusal(() -> r.resolve("credentialsId", "huge")).getMessage()).contains("larger than 1 MiB");
        assertThat(catchRefusal(() -> r.resolve("credentialsId", " ")).getMessage()).contains("a credentials id is required");
    }

    private static ClusterDeployException catchRefusal(Runnable r) {
        try {
            r.run();
        } catch (ClusterDeployException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void theScrubberMasksWhatItHandedOutAndForgetsIt() {
        SecretScrubber scrubber = new SecretScrubber(resolver(FakeCredentials.text("text", "t0ken-abc"),
                FakeCredentials.file("file", "first-line\nsecond-line".getBytes(StandardCharsets.UTF_8))));
        scrubber.resolve("credentialsId", "text");
        scrubber.resolve("credentialsId", "file");
        assertThat(scrubber.scrub("rejected t0ken-abc; key second-line is invalid"))
                .isEqualTo("rejected ****; key **** is invalid");
        assertThat(scrubber.scrub(null)).isNull();
        scrubber.forget();
        assertThat(scrubber.scrub("t0ken-abc")).isEqualTo("t0ken-abc");
    }

    @Test
    void withoutPermissionTheDropDownOnlyEchoesTheCurrentValue() {
        ListBoxModel model = CredentialsListing.items(false, "prod-token");
        assertThat(model).extracting(o -> o.value).containsExactly("prod-token");
        assertThat(CredentialsListing.items(false, null)).extracting(o -> o.value).containsExactly("");
    }

    @Test
    void requestsCarryingASecretValueAreRefusedNamingTheParameter() {
        Map<String, Object> request = Map.of("type", "deploy",
                "spec", Map.of("command", List.of("app", "--token=abcd1234"), "env", Map.of("A", "b")));
        assertThatThrownBy(() -> SecretValueGuard.check(request, List.of("abcd1234")))
                .isInstanceOf(ClusterDeployException.class)
                .hasMessageContaining("spec.command[1] contains the value of a secret")
                .hasMessageNotContaining("abcd1234");
        SecretValueGuard.check(request, List.of("zzz", "x")); // short values are not checked
        SecretValueGuard.check(request, List.of("not-there"));
    }
}
