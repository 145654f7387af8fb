package io.clusterdeploy.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The cluster view's and the canary report's files, from this jar's class path. Only the names in a fixed list can
 * ever be served, so no request path can reach another resource or file. The standalone server serves all of them;
 * the Jenkins plugin serves the scripts and style sheets inside its own pages.
 *
 * <p>ECharts ({@value #ECHARTS}) is a vendor file: it comes from the ECharts WebJar when that is on the class path
 * (the standalone server), and is simply absent where it is not (the Jenkins plugin, which takes ECharts from the
 * echarts-api plugin instead of bundling a second copy).
 */
public final class UiAssets {
    /** Where the ui module keeps its files on the class path. */
    public static final String RESOURCE_DIR = "io/clusterdeploy/ui/";
    public static final String INDEX = "index.html";
    /** The canary report page, opened as {@code canary.html?operation=<id>}. */
    public static final String CANARY_REPORT = "canary.html";
    /** The standalone server's sign-in page, served at {@code /ui/sign-in}. */
    public static final String SIGN_IN = "sign-in.html";
    /** ECharts' browser build, loaded by the canary report as a classic script that defines the global echarts. */
    public static final String ECHARTS = "vendor/echarts.min.js";

    private static final String JS = "text/javascript; charset=utf-8";
    private static final String CSS = "text/css; charset=utf-8";
    private static final String HTML = "text/html; charset=utf-8";

    /** Every file of the ui module itself, with its content type: the allowlist. */
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry(INDEX, HTML),
            Map.entry(SIGN_IN, HTML),
            Map.entry("sign-in.js", JS),
            Map.entry("cluster-view.js", JS),
            Map.entry("cluster-actions.js", JS),
            Map.entry("cluster-filters.js", JS),
            Map.entry("applications-overview.js", JS),
            Map.entry("health.js", JS),
            Map.entry("instance-panel.js", JS),
            Map.entry("dom.js", JS),
            Map.entry("cluster-view.css", CSS),
            Map.entry("instance-panel.css", CSS),
            Map.entry(CANARY_REPORT, HTML),
            Map.entry("canary-report.js", JS),
            Map.entry("canary-report.css", CSS));

    /** The ECharts WebJar's own record of its version; its files live under a folder named by it. */
    private static final String ECHARTS_POM = "META-INF/maven/org.webjars.npm/echarts/pom.properties";

    /** @param contentType the Content-Type header to send */
    public record Asset(byte[] bytes, String contentType) {
    }

    private final Map<String, Asset> assets;

    private UiAssets(Map<String, Asset> assets) {
        this.assets = Map.copyOf(assets);
    }

    /**
     * Reads every listed file once; they never change while running.
     *
     * @throws IllegalStateException when one of the ui module's own files is missing: the ui jar is not on the
     *                               class path
     */
    public static UiAssets load(ClassLoader loader) {
        Map<String, Asset> read = new LinkedHashMap<>();
        TYPES.forEach((name, type) -> read.put(name, new Asset(required(loader, RESOURCE_DIR + name), type)));
        echarts(loader).ifPresent(bytes -> read.put(ECHARTS, new Asset(bytes, JS)));
        return new UiAssets(read);
    }

    /** The file of that exact name, if it is one of the view's. */
    public Optional<Asset> find(String name) {
        return Optional.ofNullable(assets.get(name));
    }

    /** ECharts from its WebJar, when the WebJar is on the class path. */
    private static Optional<byte[]> echarts(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(ECHARTS_POM)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties pom = new Properties();
            pom.load(in);
            String version = pom.getProperty("version");
            if (version == null || version.isBlank()) {
                throw new IllegalStateException(ECHARTS_POM + " names no version");
            }
            return Optional.of(required(loader, "META-INF/resources/webjars/echarts/" + version + "/dist/echarts.min.js"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ECHARTS_POM, e);
        }
    }

    private static byte[] required(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the cluster view file " + resource
                        + " is not on the class path (is cluster-deploy-ui missing?)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
