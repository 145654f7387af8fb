package io.clusterdeploy.engine.model;

import java.util.List;
import java.util.Objects;

/**
 * The logical group of an application's clusters across accounts.
 *
 * @param name     application name
 * @param clusters its clusters
 */
public record Application(String name, List<Cluster> clusters) {
    public Application {
        Objects.requireNonNull(name, "name");
        clusters = List.copyOf(clusters);
    }
}
