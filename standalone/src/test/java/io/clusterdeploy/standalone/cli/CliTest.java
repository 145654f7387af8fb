package io.clusterdeploy.standalone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line in-process: help, version, and exit code 2 with a clear message for bad input. */
class CliTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Cli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void helpListsTheCommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: cluster-deploy").contains("serve").contains("demo").contains("--version");
    }

    @Test
    void serveHelpShowsItsOptions() {
        assertThat(run("serve", "--help")).isZero();
        assertThat(out.toString()).contains("--config=FILE").contains("--port=N").contains("7070");
    }

    @Test
    void demoHelpShowsItsOptions() {
        assertThat(run("demo", "--help")).isZero();
        assertThat(out.toString()).contains("--exit").contains("--json").contains("--state-dir=DIR").contains("--port=N");
    }

    @Test
    void versionIsTheProjectVersion() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).containsPattern("cluster-deploy \\d+\\.\\d+\\.\\d+");
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("a command is required");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(run("serve", "--colour", "blue")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option").contains("--colour");
    }

    @Test
    void badPortIsAUsageError() {
        assertThat(run("serve", "--port", "70000")).isEqualTo(2);
        assertThat(err.toString()).contains("--port must be between 0 and 65535");
        assertThat(run("serve", "--port", "abc")).isEqualTo(2);
    }

    @Test
    void missingConfigFileIsAUsageError() {
        Path missing = tmp.resolve("missing.yaml");
        assertThat(run("serve", "--config", missing.toString(), "--port", "0")).isEqualTo(2);
        assertThat(err.toString()).contains(missing.toString()).contains("no such file");
    }

    @Test
    void badConfigIsAUsageErrorNamingFileAndFieldAndCreatesNothing() throws Exception {
        Path state = tmp.resolve("state");
        Path config = Files.writeString(tmp.resolve("c.yaml"), """
                stateDir: %s
                accounts:
                  - name: local
                    type: local
                    stateDir: %s
                    colour: blue
                """.formatted(state, state.resolve("local")));

        assertThat(run("serve", "--config", config.toString(), "--port", "0")).isEqualTo(2);

        assertThat(err.toString()).contains(config.toString()).contains("accounts[0].colour");
        assertThat(state).doesNotExist();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void unsafeYamlIsAUsageError() throws Exception {
        Path config = Files.writeString(tmp.resolve("c.yaml"), "accounts: !!java.lang.Runtime {}\n");
        assertThat(run("serve", "--config", config.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(config.toString()).contains("line 1, column 11");
    }
}
