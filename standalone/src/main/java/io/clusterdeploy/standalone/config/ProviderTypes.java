package io.clusterdeploy.standalone.config;

import io.clusterdeploy.engine.provider.ProviderFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The provider types on the class path, found with {@link ServiceLoader}, by their {@code type}. */
public final class ProviderTypes {
    private final Map<String, ProviderFactory> byType;

    public ProviderTypes(List<ProviderFactory> factories) {
        Map<String, ProviderFactory> map = new TreeMap<>();
        for (ProviderFactory f : factories) {
            ProviderFactory clash = map.putIfAbsent(f.type(), f);
            if (clash != null) {
                throw new IllegalStateException("provider type '" + f.type() + "' is registered twice: by "
                        + clash.getClass().getName() + " and " + f.getClass().getName());
            }
        }
        this.byType = Map.copyOf(map);
    }

    public static ProviderTypes discover() {
        return new ProviderTypes(ServiceLoader.load(ProviderFactory.class, ProviderTypes.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::get).toList());
    }

    public Optional<ProviderFactory> get(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    /** Sorted, for error messages. */
    public List<String> known() {
        return byType.keySet().stream().sorted().toList();
    }
}
