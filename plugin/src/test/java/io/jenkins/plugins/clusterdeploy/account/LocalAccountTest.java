package io.jenkins.plugins.clusterdeploy.account;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.util.FormValidation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A local account as the engine and the policy see it, and its form checks. */
class LocalAccountTest {
    @TempDir
    Path tmp;

    @Test
    void mapsToTheLocalProvidersSettingsWithTheDefaultStateDirectory() {
        LocalAccount a = new LocalAccount(" local ");
        a.setEnabled(true);
        a.setAllowedJobs(Arrays.asList(" team/* ", "", null));
        AccountSpec spec = a.toSpec(new AccountDefaults(tmp.resolve("accounts")));
        assertThat(spec.name()).isEqualTo("local");
        assertThat(spec.type()).isEqualTo("local");
        assertThat(spec.settings()).isEqualTo(Map.of("stateDir", tmp.resolve("accounts").resolve("local").toString()));
        assertThat(spec.providerSettings()).doesNotContainKey("credentialsId");
        assertThat(spec.allowedJobs()).containsExactly("team/*");
        assertThat(spec.allowlistRequired()).isTrue();
        assertThat(spec.enabled()).isTrue();
        assertThat(spec.credentialsId()).isNull();
    }

    @Test
    void configuredSettingsWin() {
        LocalAccount a = new LocalAccount("local");
        a.setStateDir(" /var/lib/cd ");
        a.setHealthCheckIntervalMillis(500);
        assertThat(a.toSpec(new AccountDefaults(tmp)).settings())
                .isEqualTo(Map.of("stateDir", "/var/lib/cd", "healthCheckIntervalMillis", 500));
        a.setStateDir("  ");
        assertThat(a.getStateDir()).isNull();
    }

    @Test
    void providerKeyChangesWithWhatTheProviderIsBuiltFromOnly() {
        LocalAccount a = new LocalAccount("local");
        AccountDefaults d = new AccountDefaults(tmp);
        AccountSpec.ProviderKey before = a.toSpec(d).providerKey();
        a.setAllowedJobs(List.of("x"));
        a.setEnabled(true);
        assertThat(a.toSpec(d).providerKey()).isEqualTo(before);
        a.setHealthCheckIntervalMillis(1000);
        assertThat(a.toSpec(d).providerKey()).isNotEqualTo(before);
    }

    @Test
    void formChecks() {
        assertThat(AccountFormChecks.name("local-1").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(AccountFormChecks.name("-bad").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(AccountFormChecks.name("").getMessage()).isEqualTo("name is required");
        assertThat(AccountFormChecks.name("a".repeat(64)).kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(AccountFormChecks.allowedJobs("", true).kind).isEqualTo(FormValidation.Kind.WARNING);
        assertThat(AccountFormChecks.allowedJobs("", false).getMessage()).contains("Every job");
        assertThat(AccountFormChecks.allowedJobs("team/*\n/bad", true).getMessage()).contains("allowedJobs[1]");
        assertThat(AccountFormChecks.wholeNumber("5", 10, 60000, true).kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(AccountFormChecks.wholeNumber("", 10, 60000, true).kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(AccountFormChecks.wholeNumber("x", 10, 60000, true).getMessage()).isEqualTo("Must be a whole number.");
    }

    @Test
    void testConnectionProbesTheStateDirectoryWithoutCreatingIt() throws Exception {
        Path dir = tmp.resolve("new/state");
        FormValidation ok = LocalStateDirProbe.probe(null, dir, "The account is running.");
        assertThat(ok.kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(ok.getMessage()).contains("will be created").contains("The account is running.");
        assertThat(Files.exists(dir)).isFalse();

        Files.writeString(tmp.resolve("file"), "x");
        assertThat(LocalStateDirProbe.probe(tmp.resolve("file").resolve("sub").toString(), dir, "").kind)
                .isEqualTo(FormValidation.Kind.ERROR);
        assertThat(LocalStateDirProbe.probe("relative/dir", dir, "").getMessage()).contains("absolute path");
    }
}
