package io.clusterdeploy.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster view's files, from this jar's class path. Only the names in a fixed list can ever
 * be served, so no request path can reach another resource or file. The standalone server serves
 * all of them; the Jenkins plugin serves the script and style sheet inside its own page.
 */
public final class UiAssets {
    /** Where the ui module keeps its files on the class path. */
    public static final String RESOURCE_DIR = "io/clusterdeploy/ui/";
    public static final String INDEX = "index.html";

    /** Every file the view has, with its content type: the allowlist. */
    private static final Map<String, String> TYPES = Map.of(
            INDEX, "text/html; charset=utf-8",
            "cluster-view.js", "text/javascript; charset=utf-8",
            "cluster-view.css", "text/css; charset=utf-8");

    /** @param contentType the Content-Type header to send */
    public record Asset(byte[] bytes, String contentType) {
    }

    private final Map<String, Asset> assets;

    private UiAssets(Map<String, Asset> assets) {
        this.assets = Map.copyOf(assets);
    }

    /**
     * Reads every listed file once; they are small and never change while running.
     *
     * @throws IllegalStateException when one is missing: the ui jar is not on the class path
     */
    public static UiAssets load(ClassLoader loader) {
        Map<String, Asset> read = new LinkedHashMap<>();
        TYPES.forEach((name, type) -> read.put(name, new Asset(read(loader, name), type)));
        return new UiAssets(read);
    }

    /** The file of that exact name, if it is one of the view's. */
    public Optional<Asset> find(String name) {
        return Optional.ofNullable(assets.get(name));
    }

    private static byte[] read(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("the cluster view file " + RESOURCE_DIR + name
                        + " is not on the class path (is cluster-deploy-ui missing?)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE_DIR + name, e);
        }
    }
}
