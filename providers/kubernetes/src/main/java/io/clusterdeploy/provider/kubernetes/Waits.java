package io.clusterdeploy.provider.kubernetes;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.provider.kubernetes.cache.Changes;
import io.clusterdeploy.provider.kubernetes.cache.NamespaceCache;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** The provider's waits, all woken by informer events and bounded; an interrupt ends them as UNAVAILABLE. */
final class Waits {
    private final Changes changes;
    private final Duration writeVisible;
    private final Duration endpoints;
    private final Duration propagation;

    /**
     * @param writeVisible how long the watch may take to show a write
     * @param endpoints    how long the EndpointSlices may take to drop disabled pods
     * @param propagation  how long kube-proxies may still route to a pod the EndpointSlices dropped
     */
    Waits(Changes changes, Duration writeVisible, Duration endpoints, Duration propagation) {
        this.changes = changes;
        this.writeVisible = writeVisible;
        this.endpoints = endpoints;
        this.propagation = propagation;
    }

    void visible(NamespaceCache cache, HasMetadata written) {
        try {
            cache.awaitVersion(written, writeVisible);
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    void gone(NamespaceCache cache, String kind, String name) {
        try {
            cache.awaitGone(kind, name, writeVisible);
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    /** Waits for the EndpointSlices; {@code what} says what did not happen when the bound passes. */
    void endpoints(String what, BooleanSupplier condition) {
        try {
            if (!changes.await(condition, endpoints)) {
                throw new ClusterDeployException(ErrorKind.UNAVAILABLE, null, what + " within "
                        + endpoints.toSeconds() + " s; is the cluster's EndpointSlice controller running?");
            }
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    /** The time kube-proxies, ingress controllers and meshes take to act on an EndpointSlice change. */
    void propagation() {
        if (propagation.isZero()) {
            return;
        }
        try {
            Thread.sleep(propagation.toMillis());
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    private static ClusterDeployException interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return new ClusterDeployException(ErrorKind.UNAVAILABLE, null, "interrupted while waiting for the cluster", e);
    }
}
