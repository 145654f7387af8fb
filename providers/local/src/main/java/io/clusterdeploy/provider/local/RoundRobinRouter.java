package io.clusterdeploy.provider.local;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Picks backends in turn among the instances that are alive, healthy and in rotation. */
final class RoundRobinRouter {
    private final Supplier<List<InstanceProcess>> candidates;
    private final AtomicInteger next = new AtomicInteger();

    /** @param candidates the instances of the server groups behind the load balancer, in a stable order */
    RoundRobinRouter(Supplier<List<InstanceProcess>> candidates) {
        this.candidates = candidates;
    }

    /** An instance that admitted one request (release it when the request completes), or empty when none will. */
    Optional<InstanceProcess> acquire() {
        List<InstanceProcess> list = candidates.get();
        int n = list.size();
        if (n == 0) {
            return Optional.empty();
        }
        int start = Math.floorMod(next.getAndIncrement(), n);
        for (int i = 0; i < n; i++) {
            InstanceProcess candidate = list.get((start + i) % n);
            if (candidate.tryAcquire()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
