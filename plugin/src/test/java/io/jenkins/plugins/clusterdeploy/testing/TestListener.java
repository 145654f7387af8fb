package io.jenkins.plugins.clusterdeploy.testing;

import hudson.model.TaskListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A build log in memory. */
public final class TestListener implements TaskListener {
    private static final long serialVersionUID = 1L;

    private final transient ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final transient PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Override
    public PrintStream getLogger() {
        return out;
    }

    public String text() {
        synchronized (out) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
