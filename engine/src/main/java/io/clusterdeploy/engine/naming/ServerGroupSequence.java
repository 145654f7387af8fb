package io.clusterdeploy.engine.naming;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.model.ServerGroup;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses the sequence of the next server group of a cluster, as Spinnaker's clouddriver does: the sequence
 * of the most recently created group plus one, modulo 1000, skipping sequences already taken.
 */
public final class ServerGroupSequence {

    /** Sequences handed out are 0..999 (v000..v999); v999 wraps to v000. */
    public static final int SLOTS = 1000;

    /**
     * What the choice needs to know of one existing group.
     *
     * @param sequence    its sequence, or null for an unversioned group
     * @param createdTime when it was created, or null if unknown (then it is the oldest)
     */
    public record Slot(Integer sequence, Instant createdTime) {
        public static Slot of(ServerGroup group) {
            return new Slot(group.moniker().sequence(), group.createdTime());
        }
    }

    // Same order as ServerGroup.NEWEST_FIRST: creation time, then sequence for equal times (coarse clocks).
    private static final Comparator<Slot> CREATED = Comparator
            .comparing(Slot::createdTime, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(slot -> slot.sequence() == null ? -1 : slot.sequence());

    private ServerGroupSequence() {
    }

    /**
     * The next sequence for a cluster, given all its existing groups (in the one account and location).
     *
     * @throws ClusterDeployException CONFLICT on field "cluster" when all 1000 sequences are taken
     */
    public static int next(Collection<ServerGroup> clusterGroups) {
        List<Slot> slots = clusterGroups.stream().map(Slot::of).toList();
        String cluster = clusterGroups.stream().findFirst().map(ServerGroup::cluster).orElse(null);
        return choose(slots, cluster);
    }

    /** As {@link #next(Collection)}, over bare (sequence, createdTime) pairs. */
    public static int nextFromSlots(Collection<Slot> slots) {
        return choose(List.copyOf(slots), null);
    }

    private static int choose(List<Slot> slots, String cluster) {
        Optional<Slot> newest = slots.stream().max(CREATED);
        // Decision (clouddriver's): an unversioned newest group counts as v000, so next is v001; it takes no
        // vNNN slot, since its name differs from every versioned one.
        int start = newest.map(slot -> Math.floorMod(Objects.requireNonNullElse(slot.sequence(), 0) + 1, SLOTS))
                .orElse(0);
        Set<Integer> taken = new HashSet<>();
        for (Slot slot : slots) {
            if (slot.sequence() != null) {
                taken.add(slot.sequence());
            }
        }
        for (int step = 0; step < SLOTS; step++) {
            int candidate = (start + step) % SLOTS;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
        String which = cluster == null ? "the cluster" : "cluster '" + cluster + "'";
        throw ClusterDeployException.conflict("cluster", "all " + SLOTS + " server group sequences (v000 to v999) of "
                + which + " are taken; destroy old server groups before deploying a new one");
    }
}
