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
 * Jetty serving the API, browser sessions and the cluster view on 127.0.0.1 only, with the security rules in
 * front: loopback (or sign-in host) Host and same-origin Origin for all; for the API's changes the bearer token or
 * a session with its CSRF header, JSON content type and body size.
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
    private final SessionHttpHandler sessionHandler;
    private final SignInHost signInHost;

    public ApiServer(int port, ApiToken token, String tokenLocation, ApiHandler api) {
        this(port, token, tokenLocation, api, new Sessions(new java.security.SecureRandom(), java.time.Clock.systemUTC()),
                SignInHost.random(new java.security.SecureRandom()));
    }

    /** @param signInHost the one host name besides the loopback names, where browsers sign in */
    public ApiServer(int port, ApiToken token, String tokenLocation, ApiHandler api, Sessions sessions,
                     SignInHost signInHost) {
        this.signInHost = signInHost;
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
        LoopbackAuthorities self = new LoopbackAuthorities(connector::getLocalPort, signInHost);
        List<RequestRule> sameSite = List.of(new LoopbackHostRule(self), new OriginRule(self));
        BearerTokenRule bearer = new BearerTokenRule(token, tokenLocation);
        CallerRule callers = new CallerRule(bearer, sessions);
        List<RequestRule> apiRules = new ArrayList<>(sameSite);
        apiRules.addAll(List.of(
                callers,
                new JsonContentTypeRule(),
                new BodySizeRule(MAX_BODY_BYTES)));
        this.sessionHandler = new SessionHttpHandler(sameSite, self, sessions, token, bearer, signInHost,
                connector::getLocalPort, MAX_BODY_BYTES);
        this.events = new EventStreamHandler(apiRules);
        // The view takes the paths it owns (/, /ui, /ui/...), the sessions and the event stream theirs; everything
        // else goes to the API.
        server.setHandler(new Handler.Sequence(
                new UiHttpHandler(sameSite, UiAssets.load(ApiServer.class.getClassLoader())),
                sessionHandler,
                events,
                new ApiHttpHandler(apiRules, callers, MAX_BODY_BYTES, api)));
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

    /** A new one-time sign-in link on the sign-in host; print it for the user only. */
    public String newSignInLink() {
        return sessionHandler.newSignInLink();
    }

    /** The sign-in host's view, e.g. {@code http://s-….localhost:7070/ui/}; for tests and the user only. */
    public String signInHostUiUrl() {
        return "http://" + signInHost.name() + ":" + port() + UiHttpHandler.UI_ROOT;
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
