package io.clusterdeploy.standalone;

import io.clusterdeploy.standalone.cli.Cli;

/** Entry point of the shaded jar: {@code java -jar cluster-deploy.jar serve|demo ...}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.commandLine().execute(args));
    }
}
