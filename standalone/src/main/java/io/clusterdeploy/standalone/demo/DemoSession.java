package io.clusterdeploy.standalone.demo;

import io.clusterdeploy.standalone.server.StandaloneServer;

/** A finished demo whose server still runs; closing it stops the server and every instance. */
public record DemoSession(StandaloneServer server, DemoReport report) implements AutoCloseable {
    @Override
    public void close() {
        server.close();
    }
}
