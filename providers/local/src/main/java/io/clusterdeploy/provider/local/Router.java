package io.clusterdeploy.provider.local;

/** One load balancer's current {@link RoutingSnapshot}, swapped whole when what it routes to changes. */
final class Router {
    private volatile RoutingSnapshot snapshot = RoutingSnapshot.EMPTY;

    RoutingSnapshot snapshot() {
        return snapshot;
    }

    void publish(RoutingSnapshot next) {
        snapshot = next;
    }

    /** See {@link RoutingSnapshot#acquire}. */
    Route acquire(InstanceProcess avoid) {
        return snapshot.acquire(avoid);
    }
}
