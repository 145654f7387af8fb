package io.clusterdeploy.engine.model;

import java.util.Objects;

/**
 * The parts of a server group's name, as Spinnaker's Moniker.
 *
 * @param app      application
 * @param cluster  cluster name: app[-stack[-detail]]
 * @param stack    stack, or null
 * @param detail   detail, or null
 * @param sequence push sequence number, or null for an unversioned name
 */
public record Moniker(String app, String cluster, String stack, String detail, Integer sequence) {
    public Moniker {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(cluster, "cluster");
    }
}
