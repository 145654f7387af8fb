package io.clusterdeploy.engine.model;

import java.util.List;
import java.util.Objects;

/**
 * A named set of credentials for one cloud. Only what may be shown: never a secret.
 *
 * @param name      account name, unique across providers
 * @param provider  provider type: {@code local}, {@code kubernetes}, {@code aws}
 * @param locations where server groups may live (regions, namespaces; {@code local} for the local provider)
 */
public record Account(String name, String provider, List<String> locations) {
    public Account {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
        locations = List.copyOf(locations);
    }
}
