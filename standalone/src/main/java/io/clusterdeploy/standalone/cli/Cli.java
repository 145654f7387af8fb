package io.clusterdeploy.standalone.cli;

import io.clusterdeploy.engine.error.ClusterDeployException;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Builds the command line: commands, help, version, and how errors become exit codes. */
public final class Cli {
    /** Bad command line or configuration (picocli's usage-error code). */
    public static final int EXIT_USAGE = CommandLine.ExitCode.USAGE;
    /** Anything else that stopped a command (a port in use, a failed demo). */
    public static final int EXIT_FAILURE = 1;

    private Cli() {
    }

    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new RootCommand());
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof ClusterDeployException) {
                // Config and input errors: the message names the file and the field.
                err.println("cluster-deploy: " + e.getMessage());
                err.flush();
                return EXIT_USAGE;
            }
            err.println("cluster-deploy: " + describe(e));
            err.flush();
            return EXIT_FAILURE;
        });
        return cmd;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message += ": " + cause.getMessage();
        }
        return message;
    }
}
