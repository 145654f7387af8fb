package io.clusterdeploy.engine.canary.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RadixSortTest {
    @Test
    void sortsLikeArraysSortForEverySignScaleAndTie() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 300; trial++) {
            int n = random.nextInt(3000);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = switch (trial % 5) {
                    case 0 -> random.nextGaussian() * 1e6;
                    case 1 -> random.nextInt(7) - 3;
                    case 2 -> Math.exp(random.nextGaussian() * 50) * (random.nextBoolean() ? 1 : -1);
                    case 3 -> random.nextBoolean() ? 0.0 : -0.0;
                    default -> Math.round(random.nextDouble() * 1000) / 10.0;
                };
            }
            double[] expected = v.clone();
            for (int i = 0; i < n; i++) {
                expected[i] += 0.0;
            }
            Arrays.sort(expected);
            RadixSort.sort(v);
            assertThat(v).as("trial %d", trial).containsExactly(expected);
        }
    }

    @Test
    void negativeZeroBecomesZero() {
        double[] v = new double[300];
        Arrays.fill(v, -0.0);
        RadixSort.sort(v);
        assertThat(Double.doubleToRawLongBits(v[0])).isZero();
    }
}
