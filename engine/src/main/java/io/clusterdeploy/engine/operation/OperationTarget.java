package io.clusterdeploy.engine.operation;

import java.util.Objects;

/**
 * Where an operation acts, recorded once, typed, on the operation and its state: front ends (the API's
 * filters, the Jenkins build summary) read it instead of digging through the request.
 *
 * @param account     account
 * @param location    region, namespace or {@code local}
 * @param application application
 * @param cluster     cluster ({@code app-stack-detail}; for a load balancer, its cluster-style name)
 */
public record OperationTarget(String account, String location, String application, String cluster) {
    public OperationTarget {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(cluster, "cluster");
    }

    /** Operations with the same key never interleave. */
    public String lockKey() {
        return account + "/" + location + "/" + cluster;
    }
}
