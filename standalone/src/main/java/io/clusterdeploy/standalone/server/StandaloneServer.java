package io.clusterdeploy.standalone.server;

import io.clusterdeploy.engine.Engine;
import io.clusterdeploy.engine.guard.TrafficGuards;
import io.clusterdeploy.engine.operation.DirectoryOperationStore;
import io.clusterdeploy.engine.operation.OperationRunner;
import io.clusterdeploy.engine.provider.Accounts;
import io.clusterdeploy.engine.provider.ProviderTypes;
import io.clusterdeploy.engine.provider.SecretResolver;
import io.clusterdeploy.engine.canary.source.MetricSources;
import io.clusterdeploy.engine.metricsource.MetricSourceTypes;
import io.clusterdeploy.standalone.config.AccountsBuilder;
import io.clusterdeploy.standalone.config.MetricSourcesBuilder;
import io.clusterdeploy.standalone.config.EnvSecretResolver;
import io.clusterdeploy.standalone.config.StandaloneConfig;
import io.clusterdeploy.standalone.hooks.UrlValidationHooks;
import io.clusterdeploy.standalone.notify.WebhookNotifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running standalone server: engine, API token and Jetty. Closing it stops Jetty, then the
 * engine, which stops every process the local provider started (no orphans).
 */
public final class StandaloneServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StandaloneServer.class);
    /** How often operations re-check the cloud; local processes answer fast. */
    private static final Duration POLL = Duration.ofMillis(200);

    private final Engine engine;
    private final ApiServer http;
    private final ApiToken token;
    private final Path tokenFile;
    private final WebhookNotifier webhooks;
    private final UrlValidationHooks hooks;
    private boolean closed;

    private StandaloneServer(Engine engine, ApiServer http, ApiToken token, Path tokenFile, WebhookNotifier webhooks,
                             UrlValidationHooks hooks) {
        this.webhooks = webhooks;
        this.hooks = hooks;
        this.engine = engine;
        this.http = http;
        this.token = token;
        this.tokenFile = tokenFile;
    }

    /** Starts with the providers on the class path and secrets from environment variables. */
    public static StandaloneServer start(StandaloneConfig config, String source, int port) throws Exception {
        return start(config, source, ProviderTypes.discover(ProviderTypes.class.getClassLoader()), EnvSecretResolver.system(), port);
    }

    /**
     * Builds the configured accounts and serves them on 127.0.0.1:{@code port} (0 = any free
     * port). Bad account settings throw before anything runs.
     *
     * <p>Everything that can fail without touching a cloud happens first (the state directory, the stored
     * operations, the token, the HTTP port); only then are the providers built, which adopt or start
     * instances. Should anything fail after that, the providers are released, not closed, so that no
     * instance is killed because a start failed.
     *
     * @param source what to name in config errors (the file)
     */
    public static StandaloneServer start(StandaloneConfig config, String source, ProviderTypes types,
                                         SecretResolver secrets, int port) throws Exception {
        return start(config, source, types, MetricSourceTypes.discover(ProviderTypes.class.getClassLoader()), secrets,
                port);
    }

    /** As above, with the metric source types to build the config's {@code metricSources} from. */
    public static StandaloneServer start(StandaloneConfig config, String source, ProviderTypes types,
                                         MetricSourceTypes metricTypes, SecretResolver secrets, int port)
            throws Exception {
        AccountsBuilder accountsBuilder = new AccountsBuilder(types, secrets);
        accountsBuilder.validate(config, source); // a bad account creates nothing, not even the state dir
        MetricSourcesBuilder metricSourcesBuilder = new MetricSourcesBuilder(metricTypes, secrets);
        metricSourcesBuilder.validate(config, source);
        Path stateDir = config.stateDir();
        StateDir.ensure(stateDir);
        // Operations are kept in the state directory after every step and resumed at start. Opening the store
        // indexes them and sets aside every file that is not a usable operation, each reported by name.
        DirectoryOperationStore store = new DirectoryOperationStore(stateDir.resolve("operations"));
        store.problems().forEach(p -> LOG.warn("stored operation set aside: {}", p));
        ApiToken token = ApiToken.generate();
        Path tokenFile = TokenFile.write(stateDir, token);
        DeferredApi api = new DeferredApi();
        ApiServer http = new ApiServer(port, token, tokenFile.toString(), api);
        try {
            http.start();
        } catch (Exception e) {
            http.stop();
            throw e;
        }
        Accounts accounts;
        try {
            accounts = accountsBuilder.build(config, source);
        } catch (Exception | Error e) {
            http.stop();
            throw e;
        }
        MetricSources metricSources;
        try {
            metricSources = metricSourcesBuilder.build(config, source, accounts);
        } catch (Exception | Error e) {
            http.stop();
            accounts.release();
            throw e;
        }
        WebhookNotifier webhooks = WebhookNotifier.of(config.webhooks());
        UrlValidationHooks hooks = new UrlValidationHooks(config.validationHooks());
        Engine engine;
        try {
            engine = new Engine(accounts, new TrafficGuards(config.trafficGuards()), hooks, metricSources, store,
                    new OperationRunner.Options(Clock.systemUTC(), POLL, config.retention()));
            engine.operations().addEventListener(webhooks);
            api.serve(engine.api());
            http.serveChanges(engine.changes());
            int resumed = engine.operations().resumeAll();
            if (resumed > 0) {
                LOG.info("resumed {} unfinished operation(s) from {}", resumed, stateDir.resolve("operations"));
            }
            engine.operations().notResumed().forEach(p -> LOG.warn("stored operation set aside: {}", p));
        } catch (Exception | Error e) {
            http.stop();
            webhooks.close();
            hooks.close();
            metricSources.close();
            accounts.release();
            throw e;
        }
        return new StandaloneServer(engine, http, token, tokenFile, webhooks, hooks);
    }

    public Engine engine() {
        return engine;
    }

    public int port() {
        return http.port();
    }

    /** The API root, e.g. {@code http://127.0.0.1:7070/api}. */
    public String url() {
        return http.url();
    }

    /** The read-only cluster view, e.g. {@code http://127.0.0.1:7070/ui/}. */
    public String uiUrl() {
        return http.uiUrl();
    }

    /**
     * A new one-time sign-in link for a browser, on the server's own host name: good once, for
     * {@link Sessions#CODE_LIFETIME}. For the user's console only: never log it.
     */
    public String newSignInLink() {
        return http.newSignInLink();
    }

    /** The cluster view on the sign-in host (where a signed-in browser uses it). */
    public String signInHostUiUrl() {
        return http.signInHostUiUrl();
    }

    public Path tokenFile() {
        return tokenFile;
    }

    /** For in-process clients (the demo); never log it. */
    public ApiToken token() {
        return token;
    }

    /** Idempotent; safe to call from a shutdown hook and the main thread at once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            http.stop();
        } catch (Exception e) {
            LOG.warn("stopping the HTTP server failed: {}", e.toString());
        }
        engine.close();
        webhooks.close();
        hooks.close();
        LOG.info("stopped: HTTP server, operations and local processes");
    }
}
