package io.clusterdeploy.provider.local;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one load balancer routes to, computed when membership, health, rotation or weights change and
 * never per request: the routable instances (alive, passing their health check, in rotation) of the
 * server groups behind it, oldest group first, and, when traffic weights are set, one bucket per
 * weighted group plus one for the rest. Picking costs the same however many other groups exist.
 *
 * <p>Without weights, instances are taken in turn. With weights, buckets are chosen by smooth weighted
 * round-robin (the sequence nginx uses): over every run of W consecutive picks, W being the sum of the
 * weights present, each bucket is chosen exactly its weight's number of times, spread out evenly; within a
 * bucket, instances are taken in turn. A weighted group with no routable instance drops out and the
 * others share its part in proportion to their weights. When no group with a share above 0 has a
 * routable instance, every routable instance is taken in turn rather than a request refused.
 */
final class RoutingSnapshot {
    static final RoutingSnapshot EMPTY = new RoutingSnapshot(new Route[0], null);

    /** One group's routable instances, for {@link #of}. */
    record GroupRoutes(String group, List<Route> routes) {
    }

    private final Route[] routes;
    private final Bucket[] buckets; // null: unweighted
    private final AtomicInteger next = new AtomicInteger();
    private final int[] current; // smooth weighted round-robin state, guarded by this
    private final int totalWeight;

    private RoutingSnapshot(Route[] routes, Bucket[] buckets) {
        this.routes = routes;
        this.buckets = buckets;
        this.current = buckets == null ? null : new int[buckets.length];
        this.totalWeight = buckets == null ? 0 : Arrays.stream(buckets).mapToInt(b -> b.weight).sum();
    }

    /**
     * @param groups          the groups behind the load balancer, oldest first, with their routable instances
     * @param percentByGroup  the traffic weights (empty: none)
     */
    static RoutingSnapshot of(List<GroupRoutes> groups, Map<String, Integer> percentByGroup) {
        List<Route> every = new ArrayList<>();
        groups.forEach(g -> every.addAll(g.routes()));
        if (every.isEmpty()) {
            return EMPTY;
        }
        if (percentByGroup.isEmpty()) {
            return new RoutingSnapshot(every.toArray(Route[]::new), null);
        }
        List<Bucket> buckets = new ArrayList<>();
        List<Route> rest = new ArrayList<>();
        for (GroupRoutes g : groups) {
            Integer percent = percentByGroup.get(g.group());
            if (percent == null) {
                rest.addAll(g.routes());
            } else if (percent > 0 && !g.routes().isEmpty()) {
                buckets.add(new Bucket(g.routes().toArray(Route[]::new), percent));
            }
        }
        int restWeight = 100 - percentByGroup.values().stream().mapToInt(Integer::intValue).sum();
        if (restWeight > 0 && !rest.isEmpty()) {
            buckets.add(new Bucket(rest.toArray(Route[]::new), restWeight));
        }
        if (buckets.isEmpty()) {
            return new RoutingSnapshot(every.toArray(Route[]::new), null);
        }
        List<Route> weighted = new ArrayList<>();
        buckets.forEach(b -> weighted.addAll(Arrays.asList(b.routes)));
        return new RoutingSnapshot(weighted.toArray(Route[]::new), buckets.toArray(Bucket[]::new));
    }

    int size() {
        return routes.length;
    }

    /** Whether routing by this snapshot would be the same as by {@code other} (same instances, buckets and weights). */
    boolean sameAs(RoutingSnapshot other) {
        if (!Arrays.equals(routes, other.routes) || (buckets == null) != (other.buckets == null)) {
            return false;
        }
        if (buckets == null) {
            return true;
        }
        if (buckets.length != other.buckets.length) {
            return false;
        }
        for (int i = 0; i < buckets.length; i++) {
            if (buckets[i].weight != other.buckets[i].weight || !Arrays.equals(buckets[i].routes, other.buckets[i].routes)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A route whose instance admitted the request (release it when the answer is in), or null when none
     * will. {@code avoid} (may be null) is taken only when no other instance admits the request.
     */
    Route acquire(InstanceProcess avoid) {
        int n = routes.length;
        if (n == 0) {
            return null;
        }
        if (buckets != null) {
            Route chosen = fromBucket(buckets[nextBucket()], avoid);
            if (chosen != null) {
                return chosen;
            }
        }
        return inTurn(routes, next, avoid);
    }

    private Route fromBucket(Bucket bucket, InstanceProcess avoid) {
        return inTurn(bucket.routes, bucket.next, avoid);
    }

    private static Route inTurn(Route[] candidates, AtomicInteger counter, InstanceProcess avoid) {
        int n = candidates.length;
        int start = Math.floorMod(counter.getAndIncrement(), n);
        Route avoided = null;
        for (int i = 0; i < n; i++) {
            Route candidate = candidates[(start + i) % n];
            if (candidate.instance() == avoid && n > 1) {
                avoided = candidate;
                continue;
            }
            if (candidate.instance().tryAcquire()) {
                return candidate;
            }
        }
        return avoided != null && avoided.instance().tryAcquire() ? avoided : null;
    }

    private synchronized int nextBucket() {
        int best = 0;
        for (int i = 0; i < buckets.length; i++) {
            current[i] += buckets[i].weight;
            if (current[i] > current[best]) {
                best = i;
            }
        }
        current[best] -= totalWeight;
        return best;
    }

    private static final class Bucket {
        final Route[] routes;
        final int weight;
        final AtomicInteger next = new AtomicInteger();

        Bucket(Route[] routes, int weight) {
            this.routes = routes;
            this.weight = weight;
        }
    }
}
