package io.clusterdeploy.provider.aws;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One moto_server per test class, reset before each test and stopped after the class, failed tests included.
 * Register it as a static field: {@code @RegisterExtension static final MotoExtension MOTO = new MotoExtension();}
 */
final class MotoExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private MotoServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = MotoServer.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    MotoServer server() {
        if (server == null) {
            throw new IllegalStateException("moto_server is not running");
        }
        return server;
    }
}
