package io.clusterdeploy.standalone.hooks;

import io.clusterdeploy.engine.deploy.ValidationHook;
import io.clusterdeploy.engine.deploy.ValidationHooks;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Fields;
import io.clusterdeploy.engine.json.Json;
import io.clusterdeploy.engine.secret.Redaction;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Rolling red/black's validation hook for the standalone server: {@code {"url": "http://..."}}
 * receives a POST with the operation id, the new server group and the percentage complete; a
 * 2xx answer lets the roll continue, anything else fails it.
 *
 * <p>Hooks reach loopback only, unless the configuration allows more ({@link HookHosts}); the rule is
 * checked on the URL when the request comes in and on the resolved address of every connection. Redirects
 * are not followed (one could lead anywhere). A failure says the status code, never the body: the
 * operation's error is shown to every reader of the API.
 */
public final class UrlValidationHooks implements ValidationHooks, AutoCloseable {
    private final HookHosts hosts;
    /** Started at the first hook call: it sets up TLS, which a server whose deploys use no hook never needs. */
    private HttpClient client;
    private boolean closed;
    private final Json json = new Json();

    public UrlValidationHooks(HookHosts hosts) {
        this.hosts = hosts;
    }

    private synchronized HttpClient client() {
        if (closed) {
            throw new IllegalStateException("the server is stopping: validation hooks are not called any more");
        }
        if (client == null) {
            QueuedThreadPool threads = new QueuedThreadPool(8, 1);
            threads.setName("validation-hooks");
            threads.setDaemon(true);
            HttpClient c = new HttpClient();
            c.setExecutor(threads);
            c.setFollowRedirects(false);
            c.setSocketAddressResolver(new HookAddressResolver(hosts));
            c.setConnectTimeout(5_000);
            try {
                c.start();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the HTTP client of validation hooks", e);
            }
            client = c;
        }
        return client;
    }

    @Override
    public ValidationHook resolve(String field, Map<String, Object> settings) {
        Fields f = new Fields(field, settings);
        String raw = f.requiredString("url");
        int timeout = f.optionalInt("timeoutSec", 60, 1, 3600);
        f.rejectUnknown();
        URI url;
        try {
            url = URI.create(raw);
        } catch (IllegalArgumentException e) {
            throw ClusterDeployException.invalid(f.path("url"), f.path("url") + " is not a URL");
        }
        if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
            throw ClusterDeployException.invalid(f.path("url"), f.path("url") + " must be an http or https URL");
        }
        if (!hosts.allowsHost(url.getHost())) {
            throw ClusterDeployException.invalid(f.path("url"), f.path("url") + ": host '" + url.getHost()
                    + "' is not allowed for validation hooks (" + hosts.describe()
                    + "; validationHooks.allowedHosts in the configuration file adds others)");
        }
        String shown = Redaction.url(url);
        return (operationId, serverGroup, percentage) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("operationId", operationId);
            body.put("serverGroup", serverGroup);
            body.put("percentageComplete", percentage);
            ContentResponse r;
            try {
                r = client().newRequest(url).method(HttpMethod.POST).timeout(timeout, TimeUnit.SECONDS)
                        .body(new StringRequestContent("application/json", json.write(body), StandardCharsets.UTF_8))
                        .send();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new IllegalStateException("the validation hook at " + shown + " could not be reached: "
                        + Redaction.text(String.valueOf(cause.getMessage())));
            } catch (TimeoutException e) {
                throw new IllegalStateException("the validation hook at " + shown + " did not answer within "
                        + timeout + "s");
            }
            if (r.getStatus() / 100 != 2) {
                throw new IllegalStateException("the validation hook at " + shown + " answered HTTP " + r.getStatus());
            }
        };
    }

    @Override
    public void close() {
        HttpClient made;
        synchronized (this) {
            closed = true;
            made = client;
        }
        if (made == null) {
            return;
        }
        try {
            made.stop();
        } catch (Exception e) {
            // Stopping at shutdown: nothing left to do with it.
        }
    }
}
