package io.clusterdeploy.standalone;

import io.clusterdeploy.standalone.cli.Cli;

/** Entry point of the shaded jar: {@code java -jar cluster-deploy.jar serve|demo ...}. */
public final class Main {
    /**
     * Jetty pads its queues to the cache line; unless told how many references fill one, it asks the platform
     * MBean server whether oops are compressed, and starting JMX was the largest single cost of {@code serve}'s
     * start-up (issue 14). Compressed oops are the JVM's default below a 32 GB heap.
     */
    static final String JETTY_REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    private Main() {
    }

    public static void main(String[] args) {
        if (System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE) == null) {
            boolean compressedOops = Runtime.getRuntime().maxMemory() < 32L * 1024 * 1024 * 1024;
            System.setProperty(JETTY_REFERENCES_PER_CACHE_LINE, String.valueOf(compressedOops ? 16 : 8));
        }
        System.exit(Cli.commandLine().execute(args));
    }
}
