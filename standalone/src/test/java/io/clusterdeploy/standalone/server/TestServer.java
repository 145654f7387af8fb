package io.clusterdeploy.standalone.server;

import io.clusterdeploy.standalone.config.StandaloneConfig;
import java.nio.file.Path;

/** Starts the real server with the default config (one local account) under a temp dir, on any port. */
final class TestServer {
    private TestServer() {
    }

    static StandaloneServer start(Path stateDir) throws Exception {
        return StandaloneServer.start(StandaloneConfig.defaults(stateDir), "test", 0);
    }
}
