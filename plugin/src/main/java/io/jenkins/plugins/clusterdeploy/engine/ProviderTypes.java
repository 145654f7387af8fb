package io.jenkins.plugins.clusterdeploy.engine;

import io.clusterdeploy.engine.provider.ProviderFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** The provider factories on a class path, by type, found with {@link ServiceLoader}. */
public final class ProviderTypes {
    private final Map<String, ProviderFactory> byType;

    public ProviderTypes(List<ProviderFactory> factories) {
        Map<String, ProviderFactory> map = new LinkedHashMap<>();
        factories.forEach(f -> map.putIfAbsent(f.type(), f));
        this.byType = Map.copyOf(map);
    }

    /** The factories visible to {@code loader} (in Jenkins: the plugin's class loader, which holds the providers). */
    public static ProviderTypes discover(ClassLoader loader) {
        return new ProviderTypes(ServiceLoader.load(ProviderFactory.class, loader).stream()
                .map(ServiceLoader.Provider::get).toList());
    }

    public Optional<ProviderFactory> get(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    public List<String> known() {
        return byType.keySet().stream().sorted().toList();
    }
}
