package io.clusterdeploy.provider.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Starting instances are probed every 10 ms, then at 1/64 of their age; disabled ones less often than the rest. */
class ProbeScheduleTest {
    private static final long MS = 1_000_000;

    @Test
    void startingInstancesAreProbedOftenThenBackOffToTheInterval() {
        ProbeSchedule schedule = new ProbeSchedule(Duration.ofMillis(250));
        assertThat(schedule.delayNanos(0, false, true)).isEqualTo(10 * MS);
        assertThat(schedule.delayNanos(640 * MS, false, true)).isEqualTo(10 * MS);
        assertThat(schedule.delayNanos(1_000 * MS, false, true)).isEqualTo(15_625_000L);
        assertThat(schedule.delayNanos(2_000 * MS, false, true)).isEqualTo(31_250_000L);
        assertThat(schedule.delayNanos(16_000 * MS, false, true)).isEqualTo(250 * MS);
        assertThat(schedule.delayNanos(60_000 * MS, false, true)).isEqualTo(250 * MS);
        // Whatever the start-up takes, the pause is at most 1/64 of it (or the 10 ms floor): the first healthy
        // answer is seen at most 1.6% late.
        for (long age = 0; age < 16_000 * MS; age += 37 * MS) {
            assertThat(schedule.delayNanos(age, false, true)).isLessThanOrEqualTo(Math.max(10 * MS, age / 64));
        }
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
