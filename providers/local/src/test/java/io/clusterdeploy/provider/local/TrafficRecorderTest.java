package io.clusterdeploy.provider.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The ring of seconds: what is recorded, what a reused slot no longer says, what is never invented. */
class TrafficRecorderTest {
    private static final long T0 = 2_000_000_000L;

    @Test
    void secondsAreKeptForTheRetentionAndReusedSlotsAreNotMisread() {
        TrafficRecorder recorder = new TrafficRecorder(T0);
        recorder.answered(T0, 200, 1_000_000);
        recorder.answered(T0, 503, 2_000_000);
        recorder.connectionError(T0);
        recorder.answered(T0 + 2, 200, 1_000_000);

        TrafficStatistics s = recorder.read("g", Instant.ofEpochSecond(T0 - 1), Instant.ofEpochSecond(T0 + 4),
                Instant.ofEpochSecond(T0 + 3));
        assertThat(s.points()).extracting(TrafficPoint::recorded).containsExactly(false, true, true, true, false);
        assertThat(s.points()).extracting(TrafficPoint::requests).containsExactly(0L, 2L, 0L, 1L, 0L);
        assertThat(s.points().get(1).serverErrors()).isEqualTo(1);
        assertThat(s.points().get(1).connectionErrors()).isEqualTo(1);
        assertThat(s.points().get(1).latencyQuantileMillis(1.0)).isBetween(2.0, 2.5);

        // A full retention later the slot of T0 holds another second: T0 is gone, not read as the new one.
        long later = T0 + TrafficRecorder.RETENTION_SECONDS;
        recorder.answered(later, 200, 1_000_000);
        recorder.answered(T0, 200, 1_000_000); // a late write for a second whose slot is reused: dropped
        TrafficStatistics after = recorder.read("g", Instant.ofEpochSecond(T0), Instant.ofEpochSecond(later + 1),
                Instant.ofEpochSecond(later + 1));
        assertThat(after.points().get(0).recorded()).isFalse();
        assertThat(after.points().get(after.points().size() - 1).requests()).isEqualTo(1);
        assertThat(after.requests()).as("T0 + 2 and the last second").isEqualTo(2);
    }
}
