package io.clusterdeploy.standalone.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.provider.ProviderTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigLoaderTest {
    @TempDir
    Path tmp;

    private final ConfigLoader loader = new ConfigLoader(ProviderTypes.discover(ProviderTypes.class.getClassLoader()));

    private Path write(String yaml) throws IOException {
        Path file = tmp.resolve("config.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private Path stateDir() {
        return tmp.resolve("state");
    }

    /** The error, after checking that loading left nothing behind. */
    private ClusterDeployException rejected(String yaml) throws IOException {
        Path file = write(yaml);
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> loader.load(file));
        assertThat(thrown).isInstanceOf(ClusterDeployException.class);
        ClusterDeployException e = (ClusterDeployException) thrown;
        assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
        assertThat(e.getMessage()).as("names the file").contains(file.toString());
        assertThat(stateDir()).as("nothing created").doesNotExist();
        return e;
    }

    @Test
    void readsAValidConfig() throws IOException {
        StandaloneConfig config = loader.load(write("""
                stateDir: %s
                accounts:
                  - name: local
                    type: local
                    healthCheckIntervalMillis: 100
                  - name: second
                    type: local
                webhooks: []
                """.formatted(stateDir())));

        assertThat(config.stateDir()).isEqualTo(stateDir());
        assertThat(config.accounts()).extracting(AccountConfig::name).containsExactly("local", "second");
        assertThat(config.accounts().get(0).type()).isEqualTo("local");
        assertThat(config.accounts().get(0).settings()).containsExactly(
                java.util.Map.entry("healthCheckIntervalMillis", 100),
                java.util.Map.entry("stateDir", stateDir().resolve("accounts").resolve("local").toString()));
        assertThat(config.accounts().get(1).settings()).as("local accounts keep their state under stateDir")
                .containsExactly(java.util.Map.entry("stateDir", stateDir().resolve("accounts").resolve("second").toString()));
        assertThat(stateDir()).as("loading creates nothing").doesNotExist();
    }

    @Test
    void withoutAFileTheDefaultIsOneLocalAccount() {
        StandaloneConfig config = loader.load(null);

        assertThat(config.stateDir()).isEqualTo(Path.of(System.getProperty("user.home"), ".cluster-deploy"));
        assertThat(config.accounts()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("local");
            assertThat(a.type()).isEqualTo("local");
        });
    }

    @Test
    void stateDirDefaultsToTheHomeDirectoryAndExpandsTilde() throws IOException {
        assertThat(loader.load(write("accounts: [{name: a, type: local}]")).stateDir())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".cluster-deploy"));
        assertThat(loader.load(write("stateDir: ~/cd-state\naccounts: [{name: a, type: local}]")).stateDir())
                .isEqualTo(Path.of(System.getProperty("user.home"), "cd-state"));
    }

    @Test
    void unknownTopLevelKeyIsNamed() throws IOException {
        ClusterDeployException e = rejected("""
                stateDir: %s
                accounts: [{name: local, type: local}]
                colour: blue
                """.formatted(stateDir()));
        assertThat(e.field()).isEqualTo("colour");
        assertThat(e.getMessage()).contains("unknown field 'colour'");
    }

    @Test
    void unknownTypeNamesTheFieldAndListsKnownTypes() throws IOException {
        ClusterDeployException e = rejected("""
                stateDir: %s
                accounts:
                  - name: local
                    type: local
                  - name: prod
                    type: kubernetes-ish
                """.formatted(stateDir()));
        assertThat(e.field()).isEqualTo("accounts[1].type");
        assertThat(e.getMessage()).contains("unknown provider type 'kubernetes-ish'").contains("known types: "
                + String.join(", ", ProviderTypes.discover(ProviderTypes.class.getClassLoader()).known()))
                .contains("local");
    }

    @Test
    void anAccountMarkedProtectedIsReadAndTheMarkIsNotHandedToTheProvider() throws IOException {
        StandaloneConfig config = loader.load(write("""
                stateDir: %s
                accounts:
                  - {name: prod, type: local, protected: true}
                  - {name: dev, type: local, protected: false}
                  - {name: other, type: local}
                """.formatted(stateDir())));
        assertThat(config.accounts()).extracting(AccountConfig::protectedAccount).containsExactly(true, false, false);
        assertThat(config.accounts().get(0).settings()).doesNotContainKey("protected");
        ClusterDeployException e = rejected("""
                stateDir: %s
                accounts:
                  - {name: prod, type: local, protected: "yes"}
                """.formatted(stateDir()));
        assertThat(e.field()).isEqualTo("accounts[0].protected");
    }

    @Test
    void duplicateAccountNamesAreRefused() throws IOException {
        ClusterDeployException e = rejected("""
                stateDir: %s
                accounts:
                  - {name: local, type: local}
                  - {name: local, type: local}
                """.formatted(stateDir()));
        assertThat(e.field()).isEqualTo("accounts[1].name");
        assertThat(e.getMessage()).contains("'local' is already defined by accounts[0]");
    }

    @Test
    void missingAndMalformedAccountFieldsAreNamed() throws IOException {
        assertThat(rejected("stateDir: %s\naccounts: [{type: local}]".formatted(stateDir())).field())
                .isEqualTo("accounts[0].name");
        assertThat(rejected("stateDir: %s\naccounts: [{name: a}]".formatted(stateDir())).field())
                .isEqualTo("accounts[0].type");
        assertThat(rejected("stateDir: %s\naccounts: [{name: 'a b', type: local}]".formatted(stateDir())).field())
                .isEqualTo("accounts[0].name");
        assertThat(rejected("stateDir: %s\naccounts: [local]".formatted(stateDir())).field()).isEqualTo("accounts[0]");
        assertThat(rejected("stateDir: %s\naccounts: {name: local}".formatted(stateDir())).field()).isEqualTo("accounts");
        assertThat(rejected("stateDir: %s\naccounts: []".formatted(stateDir())).field()).isEqualTo("accounts");
        assertThat(rejected("stateDir: %s".formatted(stateDir())).field()).isEqualTo("accounts");
    }

    @Test
    void webhooksAndTrafficGuards() throws IOException {
        StandaloneConfig config = loader.load(write("""
                stateDir: %s
                accounts: [{name: local, type: local}]
                webhooks:
                  - url: http://127.0.0.1:9/hook
                    events: [operation.complete, operation.failed]
                trafficGuards:
                  - {account: local, cluster: hello-prod}
                """.formatted(stateDir())));
        assertThat(config.webhooks()).singleElement().satisfies(w -> {
            assertThat(w.url()).hasToString("http://127.0.0.1:9/hook");
            assertThat(w.wants("operation.complete")).isTrue();
            assertThat(w.wants("step.starting")).isFalse();
        });
        assertThat(config.trafficGuards()).containsExactly(
                new io.clusterdeploy.engine.guard.TrafficGuard("local", null, "hello-prod"));
    }

    @Test
    void badWebhooksAndGuardsNameTheField() throws IOException {
        assertThat(rejected("accounts: [{name: a, type: local}]\nwebhooks: {}").field()).isEqualTo("webhooks");
        assertThat(rejected("accounts: [{name: a, type: local}]\nwebhooks: [{url: 'ftp://x'}]").field())
                .isEqualTo("webhooks[0].url");
        assertThat(rejected("accounts: [{name: a, type: local}]\nwebhooks: [{url: 'http://x', events: [boom]}]").field())
                .isEqualTo("webhooks[0].events[0]");
        assertThat(rejected("accounts: [{name: a, type: local}]\nwebhooks: [{url: 'http://x', colour: red}]").field())
                .isEqualTo("webhooks[0].colour");
        assertThat(rejected("accounts: [{name: a, type: local}]\ntrafficGuards: [{account: b, cluster: c}]").field())
                .isEqualTo("trafficGuards[0].account");
        assertThat(rejected("accounts: [{name: a, type: local}]\ntrafficGuards: [{account: a, cluster: 'c-v001'}]")
                .field()).isEqualTo("trafficGuards[0].cluster");
    }

    @Test
    void malformedYamlGivesLineAndColumn() throws IOException {
        ClusterDeployException e = rejected("""
                accounts:
                  - name: local
                    type: local: x
                """);
        assertThat(e.field()).isEqualTo("config");
        assertThat(e.getMessage()).contains("line 3, column 16").contains("mapping values are not allowed");
    }

    @Test
    void unclosedFlowSequenceGivesAPosition() throws IOException {
        ClusterDeployException e = rejected("accounts: [{name: a, type: local}\nstateDir: /x\n");
        assertThat(e.getMessage()).containsPattern("line \\d+, column \\d+");
    }

    @Test
    void duplicateKeysAreRefused() throws IOException {
        ClusterDeployException e = rejected("accounts: []\naccounts: [{name: a, type: local}]\n");
        assertThat(e.getMessage()).contains("duplicate key").contains("line 2, column 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "!!java.lang.Runtime {}",
        "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x/\"]]]]",
        "!!python/object/apply:os.system [\"id\"]",
        "!custom value",
        "!<tag:yaml.org,2002:java.io.File> /etc/passwd",
        "!ENV ${HOME}",
        "!!timestamp 2001-12-14"
    })
    void explicitTagsOtherThanPlainTypesAreRefusedWithTheirPosition(String value) throws IOException {
        ClusterDeployException e = rejected("""
                accounts:
                  - name: local
                    type: local
                    stateDir: %s
                """.formatted(value));
        assertThat(e.field()).isEqualTo("config");
        assertThat(e.getMessage()).contains("could not determine a constructor for the tag").contains("line 4, column 15");
    }

    @Test
    void standardNonPlainTypesAreRefusedNamingTheField() throws IOException {
        ClusterDeployException binary = rejected("accounts:\n  - {name: a, type: local, stateDir: !!binary aGVsbG8=}\n");
        assertThat(binary.field()).isEqualTo("accounts[0].stateDir");
        assertThat(binary.getMessage()).contains("!!binary");

        ClusterDeployException set = rejected("accounts:\n  - {name: a, type: local, extra: !!set {x, y}}\n");
        assertThat(set.field()).isEqualTo("accounts[0].extra");
        assertThat(set.getMessage()).contains("!!set");
    }

    @Test
    void aliasBombIsRefusedByTheParserLimit() throws IOException {
        // Each level multiplies by 9: expanding it fully would take about 9^9 strings.
        ClusterDeployException e = rejected("""
                a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
                h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
                i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
                accounts: [{name: a, type: local}]
                """);
        assertThat(e.field()).isEqualTo("config");
        assertThat(e.getMessage()).contains("aliases").contains("max=" + SafeYaml.MAX_COLLECTION_ALIASES);
    }

    @Test
    void ordinaryAliasesAreFine() throws IOException {
        StandaloneConfig config = loader.load(write("""
                accounts:
                  - {name: a, type: &t local, healthCheckIntervalMillis: &i 100}
                  - {name: b, type: *t, healthCheckIntervalMillis: *i}
                """));
        assertThat(config.accounts()).extracting(AccountConfig::type).containsExactly("local", "local");
    }

    @Test
    void recursiveAliasIsRefused() throws IOException {
        ClusterDeployException e = rejected("accounts:\n  - {name: a, type: local, extra: &x [1, *x]}\n");
        assertThat(e.field()).isEqualTo("accounts[0].extra[1]");
        assertThat(e.getMessage()).contains("recursive");
    }

    @Test
    void nonTextKeysAreRefused() throws IOException {
        ClusterDeployException e = rejected("accounts:\n  - {name: a, type: local, 5: x}\n");
        assertThat(e.field()).isEqualTo("accounts[0]");
        assertThat(e.getMessage()).contains("keys must be text");
    }

    @Test
    void documentMustBeAMap() throws IOException {
        assertThat(rejected("- a\n- b\n").field()).isEqualTo("config");
        assertThat(rejected("").getMessage()).contains("empty");
    }

    @Test
    void missingFileIsAClearError() {
        Path missing = tmp.resolve("nope.yaml");
        assertThatThrownBy(() -> loader.load(missing))
                .isInstanceOf(ClusterDeployException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("no such file");
    }

    @Test
    void nonUtf8IsAClearError() throws IOException {
        Path file = tmp.resolve("latin1.yaml");
        Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(ClusterDeployException.class).hasMessageContaining("not UTF-8");
    }

    @Test
    void scalarsOfTheWrongTypeAreRefusedNamingTheField() throws IOException {
        String base = "stateDir: %s\naccounts:\n  - name: %s\n    type: local\n    healthCheckIntervalMillis: %s\n";
        assertThat(rejected(base.formatted(stateDir(), "123", "100")).field()).isEqualTo("accounts[0].name");
        assertThat(rejected(base.formatted(stateDir(), "true", "100")).field()).isEqualTo("accounts[0].name");
        assertThat(rejected("stateDir: 7\naccounts:\n  - name: local\n    type: local\n").field())
                .isEqualTo("stateDir");
        // Provider settings are the provider's to check, when the accounts are built (before any is started).
        for (String interval : List.of("'100'", "250.5", "18446744073709551616", "true")) {
            StandaloneConfig config = loader.load(write(base.formatted(stateDir(), "local", interval)));
            Throwable e = org.assertj.core.api.Assertions.catchThrowable(() -> new AccountsBuilder(
                    ProviderTypes.discover(ProviderTypes.class.getClassLoader()), EnvSecretResolver.system())
                    .build(config, "config.yaml"));
            assertThat(e).isInstanceOfSatisfying(ClusterDeployException.class,
                    x -> assertThat(x.field()).isEqualTo("accounts[0].healthCheckIntervalMillis"));
        }
    }

    @Test
    void validationHookHostsAreReadAndCheckedNamingTheEntry() throws IOException {
        StandaloneConfig config = loader.load(write("""
                stateDir: %s
                accounts:
                  - name: local
                    type: local
                validationHooks:
                  allowedHosts: [ci.example.com, 10.20.0.0/16]
                """.formatted(stateDir())));
        assertThat(config.validationHooks().allowsHost("ci.example.com")).isTrue();
        assertThat(config.validationHooks().allowsHost("10.20.3.4")).isTrue();
        assertThat(config.validationHooks().allowsHost("10.21.3.4")).isFalse();
        assertThat(rejected("""
                stateDir: %s
                accounts:
                  - name: local
                    type: local
                validationHooks:
                  allowedHosts: ["*"]
                """.formatted(stateDir())).field()).isEqualTo("validationHooks.allowedHosts[0]");
    }
}
