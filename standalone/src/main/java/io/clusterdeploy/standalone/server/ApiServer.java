package io.clusterdeploy.standalone.server;

import io.clusterdeploy.engine.api.ApiHandler;
import io.clusterdeploy.ui.UiAssets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty serving the API and the read-only cluster view on 127.0.0.1 only, with the security
 * rules in front: loopback Host and same-origin Origin for both; bearer token, JSON content type
 * and body size for the API.
 */
public final class ApiServer {
    public static final String BIND_HOST = "127.0.0.1";
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private final Server server;
    private final ServerConnector connector;
    private final EventStreamHandler events;

    /**
     * @param port          0 for any free port
     * @param tokenLocation where users find the token (named in 401 answers)
     */
    public ApiServer(int port, ApiToken token, String tokenLocation, ApiHandler api) {
        QueuedThreadPool threads = new QueuedThreadPool(32, 2);
        threads.setName("api");
        threads.setDaemon(true);
        this.server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        this.connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(BIND_HOST);
        connector.setPort(port);
        server.addConnector(connector);
        LoopbackAuthorities self = new LoopbackAuthorities(connector::getLocalPort);
        List<RequestRule> sameSite = List.of(new LoopbackHostRule(self), new OriginRule(self));
        List<RequestRule> apiRules = new ArrayList<>(sameSite);
        apiRules.addAll(List.of(
                new BearerTokenRule(token, tokenLocation),
                new JsonContentTypeRule(),
                new BodySizeRule(MAX_BODY_BYTES)));
        // The view takes the paths it owns (/, /ui, /ui/...); everything else goes to the API.
        this.events = new EventStreamHandler(apiRules);
        server.setHandler(new Handler.Sequence(
                new UiHttpHandler(sameSite, UiAssets.load(ApiServer.class.getClassLoader())),
                events,
                new ApiHttpHandler(apiRules, MAX_BODY_BYTES, api)));
        server.setErrorHandler(new JsonErrorHandler());
        server.setStopTimeout(5_000);
    }

    public void start() throws Exception {
        server.start();
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** The API root, e.g. {@code http://127.0.0.1:7070/api}. */
    public String url() {
        return "http://" + BIND_HOST + ":" + port() + ApiHttpHandler.API_ROOT;
    }

    /** The cluster view, e.g. {@code http://127.0.0.1:7070/ui/}. */
    public String uiUrl() {
        return "http://" + BIND_HOST + ":" + port() + UiHttpHandler.UI_ROOT;
    }

    /** Pushes the engine's changes to open pages from now on. */
    public void serveChanges(io.clusterdeploy.engine.api.ChangeFeed changes) {
        events.serve(changes);
    }

    public void stop() throws Exception {
        events.close();
        server.stop();
    }
}
