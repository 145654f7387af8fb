package io.clusterdeploy.engine.provider;

import io.clusterdeploy.engine.error.ClusterDeployException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The provider types a front end can build accounts of, by their {@code type}. The one registry:
 * the standalone server and the Jenkins plugin both find their factories here, with one rule for a
 * type registered twice (refused, naming both classes).
 */
public final class ProviderTypes {
    private final Map<String, ProviderFactory> byType;
    private final List<String> known;

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
        this.known = List.copyOf(map.keySet());
    }

    /**
     * The factories registered with {@link ServiceLoader} that {@code loader} sees (in Jenkins the
     * plugin's class loader, which holds the provider modules).
     */
    public static ProviderTypes discover(ClassLoader loader) {
        return new ProviderTypes(ServiceLoader.load(ProviderFactory.class, loader).stream()
                .map(ServiceLoader.Provider::get).toList());
    }

    public Optional<ProviderFactory> get(String type) {
        return Optional.ofNullable(type == null ? null : byType.get(type));
    }

    /** The factory of {@code type}; INVALID_INPUT naming {@code field} and the known types otherwise. */
    public ProviderFactory require(String field, String type) {
        return get(type).orElseThrow(() -> ClusterDeployException.invalid(field, "unknown provider type '" + type
                + "'; known types: " + String.join(", ", known())));
    }

    /** Sorted, for error messages and forms. */
    public List<String> known() {
        return known;
    }
}
