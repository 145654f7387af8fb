package io.clusterdeploy.provider.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Routing by snapshot: in turn without weights, exact shares with them, and what happens when groups drop out. */
class RoutingSnapshotTest {
    @TempDir
    Path logs;
    private final List<Process> processes = new ArrayList<>();
    private final Map<InstanceProcess, String> groupOf = new HashMap<>();

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
    }

    /** A group of routable instances: real (idle) processes, healthy and in rotation. */
    private RoutingSnapshot.GroupRoutes group(String name, int instances) throws Exception {
        TrafficRecorder traffic = new TrafficRecorder(0);
        List<Route> routes = new ArrayList<>();
        for (int i = 1; i <= instances; i++) {
            Process p = new ProcessBuilder("sleep", "600").start();
            processes.add(p);
            InstanceProcess instance = InstanceProcess.launched(name + "-" + i, i, 1, p, logs.resolve(name + i),
                    Duration.ofSeconds(1), true);
            instance.health().record(true);
            groupOf.put(instance, name);
            routes.add(new Route(instance, traffic));
        }
        return new RoutingSnapshot.GroupRoutes(name, routes);
    }

    /** Picks {@code n} times (each pick released at once, as an answer would be) and counts picks per group. */
    private Map<String, Integer> pick(RoutingSnapshot snapshot, int n) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Route r = snapshot.acquire(null);
            counts.merge(groupOf.get(r.instance()), 1, Integer::sum);
            r.instance().release();
        }
        return counts;
    }

    @Test
    void withoutWeightsEveryInstanceInTurn() throws Exception {
        RoutingSnapshot snapshot = RoutingSnapshot.of(List.of(group("a-v001", 2), group("a-v002", 1)), Map.of());
        assertThat(pick(snapshot, 300)).containsEntry("a-v001", 200).containsEntry("a-v002", 100);
    }

    @Test
    void everyHundredConsecutivePicksGiveExactlyTheWeights() throws Exception {
        RoutingSnapshot snapshot = RoutingSnapshot.of(List.of(group("app-v001", 3), group("app-baseline-v001", 1),
                group("app-canary-v001", 1)), Map.of("app-baseline-v001", 10, "app-canary-v001", 7));
        pick(snapshot, 37); // any starting point: the sequence repeats every 100 picks
        for (int window = 0; window < 5; window++) {
            assertThat(pick(snapshot, 100)).containsEntry("app-baseline-v001", 10).containsEntry("app-canary-v001", 7)
                    .containsEntry("app-v001", 83);
        }
    }

    @Test
    void aMissingWeightedGroupLeavesItsShareToTheOthersInProportion() throws Exception {
        // The canary has no routable instance: baseline 20 and the rest 60 share all traffic, 1 to 3.
        RoutingSnapshot snapshot = RoutingSnapshot.of(List.of(group("app-v001", 2), group("app-baseline-v001", 1),
                group("app-canary-v001", 0)), Map.of("app-baseline-v001", 20, "app-canary-v001", 20));
        assertThat(pick(snapshot, 800)).containsEntry("app-baseline-v001", 200).containsEntry("app-v001", 600)
                .doesNotContainKey("app-canary-v001");
    }

    @Test
    void aZeroShareGetsNothingAndWhenNoSharedGroupIsLeftEveryInstanceServes() throws Exception {
        RoutingSnapshot zero = RoutingSnapshot.of(List.of(group("app-v001", 1), group("app-canary-v001", 1)),
                Map.of("app-canary-v001", 0));
        assertThat(pick(zero, 50)).containsEntry("app-v001", 50).doesNotContainKey("app-canary-v001");
        // All traffic is promised to a group that cannot take it: rather than refuse requests, everyone serves.
        RoutingSnapshot stranded = RoutingSnapshot.of(List.of(group("app-v002", 1), group("app-canary-v002", 0)),
                Map.of("app-canary-v002", 100));
        assertThat(pick(stranded, 10)).containsEntry("app-v002", 10);
    }

    @Test
    void instancesThatStopAdmittingAreSkippedAndNoneMeansNoRoute() throws Exception {
        RoutingSnapshot.GroupRoutes g = group("b-v001", 2);
        RoutingSnapshot snapshot = RoutingSnapshot.of(List.of(g), Map.of());
        InstanceProcess first = g.routes().get(0).instance();
        InstanceProcess second = g.routes().get(1).instance();
        first.gate().close(); // disabled after the snapshot was taken
        for (int i = 0; i < 10; i++) {
            Route r = snapshot.acquire(null);
            assertThat(r.instance()).isSameAs(second);
            r.instance().release();
        }
        Route avoiding = snapshot.acquire(second);
        assertThat(avoiding.instance()).as("the only instance left, even if to be avoided").isSameAs(second);
        avoiding.instance().release();
        second.gate().close();
        assertThat(snapshot.acquire(null)).isNull();
        assertThat(RoutingSnapshot.EMPTY.acquire(null)).isNull();
    }
}
