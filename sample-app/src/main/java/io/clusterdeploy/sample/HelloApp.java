package io.clusterdeploy.sample;

import java.io.IOException;
import java.time.Duration;

/**
 * A tiny HTTP app for demos and tests: reports its version and instance id, and can be made slow,
 * failing or never healthy. Exit status 2 on bad flags, 1 when the port cannot be bound.
 */
public final class HelloApp {
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(2);

    private HelloApp() {
    }

    public static void main(String[] args) {
        // The JDK server leaves Nagle's algorithm on, which with delayed ACKs from the proxy adds
        // ~40 ms to every response; it reads this flag once, before the first server is created.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        AppOptions options;
        try {
            options = AppOptions.parse(args);
        } catch (UsageException e) {
            System.err.println("HelloApp: " + e.getMessage());
            System.err.println(AppOptions.USAGE);
            System.exit(2);
            return;
        }
        connectionLimits(options);
        HelloServer server;
        try {
            server = HelloServer.start(options);
        } catch (IOException e) {
            System.err.println("HelloApp: cannot listen on 127.0.0.1:" + options.port() + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        // SIGTERM runs shutdown hooks: stop accepting and let in-flight requests finish.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(SHUTDOWN_GRACE), "hello-shutdown"));
        System.out.println("HelloApp " + options.version() + " instance " + options.instanceId()
                + " listening on 127.0.0.1:" + server.port());
    }

    /**
     * The JDK server reads its connection limits from system properties once, when the first server is
     * created: the idle time in whole seconds, checked every clockTick milliseconds.
     */
    private static void connectionLimits(AppOptions options) {
        if (options.idleTimeoutSeconds() > 0) {
            System.setProperty("sun.net.httpserver.idleInterval", Integer.toString(options.idleTimeoutSeconds()));
            System.setProperty("sun.net.httpserver.clockTick", "100");
        }
        if (options.maxIdleConnections() > 0) {
            System.setProperty("sun.net.httpserver.maxIdleConnections", Integer.toString(options.maxIdleConnections()));
        }
    }
}
