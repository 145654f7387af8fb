package io.clusterdeploy.standalone.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clusterdeploy.engine.operation.OperationRunner;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.operation.OperationStatus;
import io.clusterdeploy.engine.provider.ProviderTypes;
import io.clusterdeploy.engine.testing.SyntheticProviderFactory;
import io.clusterdeploy.provider.local.LocalProviderFactory;
import io.clusterdeploy.standalone.config.AccountConfig;
import io.clusterdeploy.standalone.config.EnvSecretResolver;
import io.clusterdeploy.standalone.config.StandaloneConfig;
import io.clusterdeploy.standalone.hooks.HookHosts;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionFactory;
import org.openqa.selenium.StaleElementReferenceException;

/** What the browser tests share: the page watch, the server they run against, their waits, where screenshots go. */
final class BrowserTests {
    /** Collects what the page's own scripts and the browser's CSP enforcement report. */
    static final String WATCH_PAGE = """
            window.__cspViolations = [];
            window.__pageErrors = [];
            document.addEventListener('securitypolicyviolation',
                e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
            window.addEventListener('error', e => window.__pageErrors.push(String(e.message)));
            window.addEventListener('unhandledrejection', e => window.__pageErrors.push(String(e.reason)));
            """;

    /**
     * Collects the longest task ({@code window.__longest}) and each long animation frame with its scripts
     * ({@code window.__frames}), from the browser's own performance entries.
     */
    static final String WATCH_LONG_TASKS = """
            window.__longest = 0;
            new PerformanceObserver(list => list.getEntries().forEach(
                e => { window.__longest = Math.max(window.__longest, e.duration); }))
                .observe({type: 'longtask', buffered: true});
            window.__frames = [];
            new PerformanceObserver(list => list.getEntries().forEach(e => window.__frames.push(
                Math.round(e.duration) + 'ms: ' + e.scripts.map(x => x.invoker + ' ' + Math.round(x.duration)
                    + 'ms').join(', ')))).observe({type: 'long-animation-frame', buffered: true});
            """;

    private BrowserTests() {
    }

    /**
     * The server with one synthetic account holding application {@code big}: 10,000 server groups of 10 instances in
     * 1,000 clusters (big-stack0 to big-stack999), every tenth instance in a health other than UP.
     */
    static StandaloneServer bigApplicationServer(Path dir) throws Exception {
        StandaloneConfig config = new StandaloneConfig(dir, List.of(new AccountConfig("synthetic",
                SyntheticProviderFactory.TYPE, Map.of("application", "big", "serverGroups", 10_000,
                        "instancesPerGroup", 10, "groupsPerCluster", 10))));
        return StandaloneServer.start(config, "test", withSynthetic(), EnvSecretResolver.system(), 0);
    }

    /** The local provider and the synthetic one (a test-side account type). */
    static ProviderTypes withSynthetic() {
        return new ProviderTypes(List.of(new LocalProviderFactory(), new SyntheticProviderFactory()));
    }

    /** One local account under {@code dir}, checking health every 100 ms so that deploys are quick. */
    static StandaloneConfig localAccount(Path dir) {
        return new StandaloneConfig(dir, List.of(new AccountConfig("local", "local",
                Map.of("stateDir", dir.resolve("local").toString(), "healthCheckIntervalMillis", 100))),
                List.of(), List.of(), HookHosts.loopbackOnly());
    }

    /** Explicit waits only: long enough for a slow CI machine, polling, never a fixed sleep. */
    static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .ignoreException(StaleElementReferenceException.class);
    }

    /** Runs an operation to its end, which must be a success. */
    static OperationState run(OperationRunner ops, Map<String, Object> request) throws InterruptedException {
        OperationState done = ops.awaitFinished(ops.start(request).id(), Duration.ofSeconds(180));
        assertThat(done.status()).as("%s: %s", request.get("type"), done.error()).isEqualTo(OperationStatus.SUCCEEDED);
        return done;
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Next to the build's other output (target/ or the -Dcd.buildDir one), for a person to look at. */
    static Path save(byte[] png, String name) throws Exception {
        Path testClasses = Path.of(BrowserTests.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path file = testClasses.getParent().resolve("screenshots").resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, png);
        return file;
    }
}
