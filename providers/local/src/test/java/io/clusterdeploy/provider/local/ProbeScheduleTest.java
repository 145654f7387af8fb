package io.clusterdeploy.provider.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Starting instances are probed every 10 ms, backing off as they age; disabled ones less often than the rest. */
class ProbeScheduleTest {
    private static final long MS = 1_000_000;

    @Test
    void startingInstancesAreProbedOftenThenBackOffToTheInterval() {
        ProbeSchedule schedule = new ProbeSchedule(Duration.ofMillis(250));
        assertThat(schedule.delayNanos(0, false, true)).isEqualTo(10 * MS);
        assertThat(schedule.delayNanos(499 * MS, false, true)).isEqualTo(10 * MS);
        assertThat(schedule.delayNanos(500 * MS, false, true)).isEqualTo(20 * MS);
        assertThat(schedule.delayNanos(1_000 * MS, false, true)).isEqualTo(40 * MS);
        assertThat(schedule.delayNanos(2_000 * MS, false, true)).isEqualTo(160 * MS);
        assertThat(schedule.delayNanos(2_500 * MS, false, true)).isEqualTo(250 * MS);
        assertThat(schedule.delayNanos(Long.MAX_VALUE, false, true)).isEqualTo(250 * MS);
        // A clock step backwards (an instance launched "in the future") is a new instance, not an overflow.
        assertThat(schedule.delayNanos(-5_000 * MS, false, false)).isEqualTo(10 * MS);
    }

    @Test
    void healthyInstancesAtTheIntervalAndDisabledOnesLessOften() {
        ProbeSchedule schedule = new ProbeSchedule(Duration.ofMillis(250));
        assertThat(schedule.delayNanos(0, true, true)).isEqualTo(250 * MS);
        assertThat(schedule.delayNanos(60_000 * MS, true, true)).isEqualTo(250 * MS);
        assertThat(schedule.delayNanos(60_000 * MS, true, false)).isEqualTo(1_000 * MS);
        // An interval shorter than the starting probe is never exceeded.
        assertThat(new ProbeSchedule(Duration.ofMillis(10)).delayNanos(0, false, true)).isEqualTo(10 * MS);
    }
}
