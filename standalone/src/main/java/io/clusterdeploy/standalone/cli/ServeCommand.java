package io.clusterdeploy.standalone.cli;

import io.clusterdeploy.engine.provider.ProviderTypes;
import io.clusterdeploy.standalone.config.ConfigLoader;
import io.clusterdeploy.standalone.config.EnvSecretResolver;
import io.clusterdeploy.standalone.config.StandaloneConfig;
import io.clusterdeploy.standalone.server.Banner;
import io.clusterdeploy.standalone.server.StandaloneServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code serve}: runs the API on 127.0.0.1 until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the API on 127.0.0.1 until interrupted (Ctrl-C or SIGTERM stops it and every "
                + "process it started).")
public final class ServeCommand implements Callable<Integer> {
    static final int DEFAULT_PORT = 7070;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML config (stateDir, accounts). Default: one 'local' account, state in ~/.cluster-deploy.")
    Path config;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + DEFAULT_PORT,
            description = "Port on 127.0.0.1; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Override
    public Integer call() throws Exception {
        Ports.check(spec, port);
        ProviderTypes types = ProviderTypes.discover(ProviderTypes.class.getClassLoader());
        StandaloneConfig cfg = new ConfigLoader(types).load(config);
        StandaloneServer server = StandaloneServer.start(cfg, config == null ? "default config" : config.toString(),
                types, EnvSecretResolver.system(), port);
        StopSignal stop = StopSignal.closeOnShutdown(server);
        PrintWriter out = spec.commandLine().getOut();
        Banner.started(out, server, true);
        out.println("Ctrl-C stops the server and every process it started.");
        out.flush();
        stop.await();
        return 0;
    }

    /** Port range check shared by the commands. */
    static final class Ports {
        private Ports() {
        }

        static void check(CommandSpec spec, int port) {
            if (port < 0 || port > 65_535) {
                throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, was " + port);
            }
        }
    }
}
