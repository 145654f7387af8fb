package io.clusterdeploy.standalone.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cluster-deploy}: only dispatches to its subcommands. */
@Command(name = "cluster-deploy",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Spinnaker-style clusters and deploy strategies, served over a local HTTP API.",
        subcommands = {ServeCommand.class, DemoCommand.class})
public final class RootCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required: serve or demo");
    }
}
