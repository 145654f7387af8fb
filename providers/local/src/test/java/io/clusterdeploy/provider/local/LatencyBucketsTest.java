package io.clusterdeploy.provider.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyBucketsTest {
    @Test
    void everyLatencyFallsInTheBucketWhoseBoundsHoldIt() {
        long[] samples = {0, 1, 15, 16, 17, 19, 20, 23, 24, 100, 1_000, 30_000, 123_456, 1L << 26, (1L << 27) - 1,
                1L << 27, Long.MAX_VALUE / 2};
        for (long micros : samples) {
            int i = LatencyBuckets.index(micros);
            assertThat(micros).as("bucket %d", i).isGreaterThanOrEqualTo(LatencyBuckets.lowerBoundMicros(i))
                    .isLessThan(LatencyBuckets.upperBoundMicros(i));
        }
        for (int i = 1; i < LatencyBuckets.COUNT - 1; i++) {
            long lower = LatencyBuckets.lowerBoundMicros(i);
            assertThat(LatencyBuckets.index(lower)).isEqualTo(i);
            assertThat(LatencyBuckets.index(LatencyBuckets.upperBoundMicros(i) - 1)).isEqualTo(i);
            assertThat((double) LatencyBuckets.upperBoundMicros(i) / lower).isLessThanOrEqualTo(1.25);
        }
    }
}
