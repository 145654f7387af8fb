package io.clusterdeploy.provider.local;

import java.util.Optional;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Chooses the backend of each request before the proxy forwards it, answers 503 when there is none,
 * and counts the request as in flight on its backend until the response to the client completes.
 */
final class RoutingHandler extends Handler.Wrapper {
    /** Request attribute carrying the chosen backend's port to {@link BackendProxyHandler}. */
    static final String BACKEND_PORT = RoutingHandler.class.getName() + ".backendPort";

    private final String loadBalancer;
    private final RoundRobinRouter router;

    RoutingHandler(String loadBalancer, RoundRobinRouter router, Handler proxy) {
        super(proxy);
        this.loadBalancer = loadBalancer;
        this.router = router;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Optional<InstanceProcess> chosen = router.acquire();
        if (chosen.isEmpty()) {
            Response.writeError(request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503,
                    "no healthy instance in service behind load balancer " + loadBalancer);
            return true;
        }
        InstanceProcess backend = chosen.get();
        request.setAttribute(BACKEND_PORT, backend.port());
        ReleasingCallback tracked = new ReleasingCallback(callback, backend::release);
        try {
            if (super.handle(request, response, tracked)) {
                return true;
            }
            tracked.release();
            return false;
        } catch (Throwable t) {
            tracked.release();
            throw t;
        }
    }
}
