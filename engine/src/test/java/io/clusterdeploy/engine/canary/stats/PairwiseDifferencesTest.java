package io.clusterdeploy.engine.canary.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Selection agrees with sorting all n·m differences, on continuous, tied and degenerate samples. */
class PairwiseDifferencesTest {

    @Test
    void everyOrderStatisticOfSmallSamplesMatchesTheSortedDifferences() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            double[] x = sample(random, 1 + random.nextInt(40), trial % 3 == 0);
            double[] y = sample(random, 1 + random.nextInt(40), trial % 3 == 0);
            double[] sorted = naive(x, y);
            PairwiseDifferences d = new PairwiseDifferences(SortedSample.of(x), SortedSample.of(y));
            for (int k = 1; k <= sorted.length; k++) {
                assertThat(d.select(k)).as("trial %d, k %d", trial, k).isEqualTo(sorted[k - 1]);
            }
        }
    }

    @Test
    void largeSamplesAtTheRanksTheTestUses() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 12; trial++) {
            boolean tied = trial % 2 == 1;
            double[] x = sample(random, 300 + random.nextInt(900), tied);
            double[] y = sample(random, 300 + random.nextInt(900), tied);
            double[] sorted = naive(x, y);
            PairwiseDifferences d = new PairwiseDifferences(SortedSample.of(x), SortedSample.of(y));
            long total = sorted.length;
            long[] ranks = {1, 2, total / 100, total / 2 - 7, total / 2, total / 2 + 1, total - total / 100, total - 1, total};
            for (long k : ranks) {
                assertThat(d.select(k)).as("trial %d, k %d of %d", trial, k, total).isEqualTo(sorted[(int) k - 1]);
            }
            double median = total % 2 == 1 ? sorted[(int) (total / 2)] : (sorted[(int) total / 2 - 1] + sorted[(int) total / 2]) / 2;
            assertThat(d.median()).isEqualTo(median);
        }
    }

    @Test
    void severalRanksAtOnceMatchTheSortedDifferences() {
        SplittableRandom random = new SplittableRandom(13);
        for (int trial = 0; trial < 16; trial++) {
            double[] x = sample(random, 200 + random.nextInt(1300), trial % 4 == 1);
            double[] y = sample(random, 200 + random.nextInt(1300), trial % 4 == 3);
            if (trial % 4 == 2) {
                for (int i = 0; i < x.length; i++) {
                    x[i] = Math.exp(x[i] / 10); // skewed, like latency
                }
            }
            double[] sorted = naive(x, y);
            PairwiseDifferences d = new PairwiseDifferences(SortedSample.of(x), SortedSample.of(y));
            long total = sorted.length;
            long spread = Math.max(1, total / 40);
            long[] ranks = {total / 2 - spread, total / 2, total / 2 + 1, total / 2 + spread};
            double[] values = d.selectRanks(ranks);
            for (int r = 0; r < ranks.length; r++) {
                assertThat(values[r]).as("trial %d, rank %d of %d", trial, ranks[r], total)
                        .isEqualTo(sorted[(int) ranks[r] - 1]);
            }
            long[] edges = {1, 2, total - 1, total};
            double[] edgeValues = d.selectRanks(edges);
            for (int r = 0; r < edges.length; r++) {
                assertThat(edgeValues[r]).isEqualTo(sorted[(int) edges[r] - 1]);
            }
        }
    }

    @Test
    void allDifferencesEqual() {
        PairwiseDifferences d = new PairwiseDifferences(SortedSample.of(3, 3, 3), SortedSample.of(1, 1));
        for (int k = 1; k <= 6; k++) {
            assertThat(d.select(k)).isEqualTo(2.0);
        }
        assertThat(d.median()).isEqualTo(2.0);
    }

    @Test
    void ranksOutsideTheDifferencesAreRefused() {
        PairwiseDifferences d = new PairwiseDifferences(SortedSample.of(1, 2), SortedSample.of(1));
        assertThatThrownBy(() -> d.select(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.select(3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void weightedSelectFindsTheWeightedQuantile() {
        double[] values = {5, 1, 3, 3, 9};
        long[] weights = {1, 4, 2, 1, 10};
        // cumulative by value: 1→4, 3→7, 5→8, 9→18
        assertThat(PairwiseDifferences.weightedSelect(values.clone(), weights.clone(), 5, 4)).isEqualTo(1);
        assertThat(PairwiseDifferences.weightedSelect(values.clone(), weights.clone(), 5, 5)).isEqualTo(3);
        assertThat(PairwiseDifferences.weightedSelect(values.clone(), weights.clone(), 5, 8)).isEqualTo(5);
        assertThat(PairwiseDifferences.weightedSelect(values.clone(), weights.clone(), 5, 9)).isEqualTo(9);
    }

    static double[] sample(SplittableRandom random, int size, boolean tied) {
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            v[i] = tied ? random.nextInt(6) : random.nextGaussian() * 10;
        }
        return v;
    }

    static double[] naive(double[] x, double[] y) {
        double[] d = new double[x.length * y.length];
        int k = 0;
        for (double a : x) {
            for (double b : y) {
                d[k++] = a - b;
            }
        }
        Arrays.sort(d);
        return d;
    }
}
