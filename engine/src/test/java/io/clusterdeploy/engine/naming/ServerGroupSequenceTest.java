package io.clusterdeploy.engine.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.naming.ServerGroupSequence.Slot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerGroupSequenceTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void emptyClusterStartsAtZero() {
        assertThat(ServerGroupSequence.next(List.of())).isZero();
        assertThat(ServerGroupSequence.nextFromSlots(List.of())).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 5, 41, 500, 998})
    void singleGroupIsFollowedByTheNextNumber(int sequence) {
        assertThat(next(slot(sequence, 1))).isEqualTo(sequence + 1);
    }

    @Test
    void gapsBelowTheNewestAreNotFilled() {
        assertThat(next(slot(1, 1), slot(5, 2))).isEqualTo(6);
        assertThat(next(slot(0, 1), slot(2, 2), slot(7, 3))).isEqualTo(8);
    }

    @Test
    void followsTheNewestCreatedGroupNotTheHighestSequence() {
        // v010 is older; v003 was created last (e.g. after a wrap or a manual deploy).
        assertThat(next(slot(10, 1), slot(3, 2))).isEqualTo(4);
        assertThat(next(slot(3, 2), slot(10, 1))).isEqualTo(4);
    }

    @Test
    void inputOrderDoesNotMatter() {
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            slots.add(slot(i * 3, i));
        }
        Collections.shuffle(slots, new Random(42));

        assertThat(ServerGroupSequence.nextFromSlots(slots)).isEqualTo(58);
    }

    @Test
    void v999WrapsToV000() {
        assertThat(next(slot(999, 1))).isZero();
        assertThat(ServerGroupName.cluster("app", null, null).withSequence(next(slot(999, 1))).format())
                .isEqualTo("app-v000");
    }

    @Test
    void skipsTakenSequences() {
        assertThat(next(slot(4, 1), slot(5, 2), slot(3, 3))).isEqualTo(6);
        assertThat(next(slot(999, 1), slot(0, 0))).isEqualTo(1);
        assertThat(next(slot(998, 2), slot(999, 1), slot(0, 0), slot(1, 0))).isEqualTo(2);
    }

    @Test
    void allThousandTakenIsAConflict() {
        List<Slot> all = IntStream.range(0, 1000).mapToObj(i -> slot(i, i)).toList();

        assertThatThrownBy(() -> ServerGroupSequence.nextFromSlots(all))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT);
                    assertThat(e.field()).isEqualTo("cluster");
                })
                .hasMessageContaining("all 1000 server group sequences (v000 to v999)")
                .hasMessageContaining("are taken");
    }

    @Test
    void allThousandTakenNamesTheCluster() {
        List<ServerGroup> all = IntStream.range(0, 1000)
                .mapToObj(i -> group(String.format("app-prod-v%03d", i), T0.plusSeconds(i)))
                .toList();

        assertThatThrownBy(() -> ServerGroupSequence.next(all))
                .isInstanceOf(ClusterDeployException.class)
                .hasMessageContaining("cluster 'app-prod'");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 499, 500, 998, 999})
    void theOnlyFreeSequenceIsFoundWhereverItIs(int free) {
        List<Slot> slots = IntStream.range(0, 1000).filter(i -> i != free).mapToObj(i -> slot(i, i)).toList();

        assertThat(ServerGroupSequence.nextFromSlots(slots)).isEqualTo(free);
    }

    @Test
    void unversionedNewestCountsAsV000() {
        // As clouddriver: (sequence ?: 0) + 1.
        assertThat(next(slot(null, 1))).isEqualTo(1);
        assertThat(next(slot(7, 1), slot(null, 2))).isEqualTo(1);
    }

    @Test
    void unversionedGroupTakesNoSlot() {
        assertThat(next(slot(null, 1), slot(999, 2))).isZero();
        assertThat(next(slot(7, 2), slot(null, 1))).isEqualTo(8);
    }

    @Test
    void unknownCreationTimeCountsAsOldest() {
        assertThat(next(slot(50, null), slot(20, 1))).isEqualTo(21);
        assertThat(next(slot(50, null), slot(20, null))).isEqualTo(51);
    }

    @Test
    void equalCreationTimesPreferTheHigherSequence() {
        assertThat(next(slot(3, 5), slot(7, 5))).isEqualTo(8);
        assertThat(next(slot(null, 5), slot(2, 5))).isEqualTo(3);
    }

    @Test
    void sequencesAboveNineHundredNinetyNineWrapModuloAThousand() {
        assertThat(next(slot(1234, 1))).isEqualTo(235);
        assertThat(next(slot(999_999, 1))).isZero();
        // v1235 is a different name from v235, so it does not take it.
        assertThat(next(slot(1234, 2), slot(1235, 1))).isEqualTo(235);
    }

    @Test
    void usesTheMonikerSequenceAndCreationTimeOfServerGroups() {
        List<ServerGroup> groups = List.of(
                group("app-prod-v010", T0.plusSeconds(10)),
                group("app-prod-v005", T0.plusSeconds(20)),
                group("app-prod-v006", T0.plusSeconds(5)));

        int next = ServerGroupSequence.next(groups);

        assertThat(next).isEqualTo(7);
        assertThat(ServerGroupName.cluster("app", "prod", null).withSequence(next).format()).isEqualTo("app-prod-v007");
    }

    @Test
    void slotOfServerGroupCopiesSequenceAndTime() {
        ServerGroup group = group("app-v042", T0);

        assertThat(Slot.of(group)).isEqualTo(new Slot(42, T0));
        assertThat(Slot.of(group("app", T0))).isEqualTo(new Slot(null, T0));
    }

    @Test
    void serverGroupOverloadAgreesWithSlots() {
        List<ServerGroup> groups = List.of(group("app-v999", T0.plusSeconds(2)), group("app-v000", T0.plusSeconds(1)),
                group("app", T0));

        assertThat(ServerGroupSequence.next(groups))
                .isEqualTo(ServerGroupSequence.nextFromSlots(groups.stream().map(Slot::of).toList()))
                .isEqualTo(1);
    }

    private static int next(Slot... slots) {
        return ServerGroupSequence.nextFromSlots(List.of(slots));
    }

    private static Slot slot(Integer sequence, Integer createdSecond) {
        return new Slot(sequence, createdSecond == null ? null : T0.plusSeconds(createdSecond));
    }

    private static ServerGroup group(String name, Instant created) {
        return new ServerGroup(name, ServerGroupName.parse(name).moniker(), "test", "local", Capacity.fixed(1),
                List.of(), false, created, "artifact", List.of(), List.of(), Map.of());
    }
}
