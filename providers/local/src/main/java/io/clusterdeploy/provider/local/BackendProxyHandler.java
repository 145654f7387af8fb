package io.clusterdeploy.provider.local;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportDynamic;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.proxy.ProxyHandler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Jetty's reverse proxy, sending each request to the loopback port {@link RoutingHandler} chose. */
final class BackendProxyHandler extends ProxyHandler.Reverse {
    // Below the JDK HttpServer's 30 s idle close (the sample app), so the proxy never reuses a
    // connection the backend is about to drop.
    private static final long IDLE_TIMEOUT_MILLIS = 10_000;
    private static final long CONNECT_TIMEOUT_MILLIS = 5_000;

    private final String name;

    BackendProxyHandler(String name) {
        super(BackendProxyHandler::backendUri);
        this.name = name;
        // Fixed, so that the Via header needs no host name lookup.
        setViaHost("cluster-deploy-local");
    }

    private static HttpURI backendUri(Request request) {
        int port = (Integer) request.getAttribute(RoutingHandler.BACKEND_PORT);
        return HttpURI.build(request.getHttpURI()).scheme("http").host("127.0.0.1").port(port);
    }

    @Override
    protected HttpClient newHttpClient() {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("lb-" + name + "-client");
        threads.setDaemon(true);
        ClientConnector connector = new ClientConnector();
        connector.setExecutor(threads);
        return new HttpClient(new HttpClientTransportDynamic(connector));
    }

    @Override
    protected void configureHttpClient(HttpClient client) {
        super.configureHttpClient(client);
        client.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
        client.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
    }
}
