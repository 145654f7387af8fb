package io.clusterdeploy.engine.canary.stats;

/**
 * The n·m differences x[i] − y[j] of two sorted samples, never materialised. With x ascending and y
 * descending the differences form a matrix whose rows and columns are both sorted, so the number of
 * differences below a value is counted in one staircase walk of O(n + m).
 *
 * <p>{@link #select} finds the k-th smallest difference by the row-wise pruning of Johnson and
 * Mizoguchi (1978), as Monahan (1984) used it for the Hodges-Lehmann estimator: each row keeps a
 * window of candidate columns; a pivot is taken as the weighted quantile of the rows' candidate
 * quantiles at the target's relative rank; one staircase count per pivot discards every candidate
 * on the wrong side. When a pivot fails to halve the candidates the next one is the weighted median
 * of the row medians, which discards at least a quarter of them (Johnson-Mizoguchi's bound), so the
 * worst case is O((n + m) log(n·m)) = O((n + m) log(n + m)); rank-targeted pivots make the usual
 * case a handful of counts. Once few candidates are left they are listed and selected directly.
 *
 * <p>Every difference is computed as {@code x[i] - y[j]} in double arithmetic, exactly as R's
 * {@code outer(x, y, "-")}, so a selected value is bit-for-bit one of R's sorted differences.
 */
final class PairwiseDifferences {
    private final double[] x;
    private final double[] yDescending;
    private final int n;
    private final int m;

    PairwiseDifferences(SortedSample x, SortedSample y) {
        if (x.isEmpty() || y.isEmpty()) {
            throw new IllegalArgumentException("pairwise differences need two non-empty samples");
        }
        this.x = x.sorted();
        double[] ys = y.sorted();
        this.yDescending = new double[ys.length];
        for (int j = 0; j < ys.length; j++) {
            yDescending[j] = ys[ys.length - 1 - j];
        }
        this.n = this.x.length;
        this.m = ys.length;
    }

    long size() {
        return (long) n * m;
    }

    private double at(int row, int column) {
        return x[row] - yDescending[column];
    }

    /** The k-th smallest difference, k from 1 to n·m. */
    double select(long k) {
        long total = size();
        if (k < 1 || k > total) {
            throw new IllegalArgumentException("rank " + k + " outside 1.." + total);
        }
        int[] lo = new int[n];
        int[] hi = new int[n];
        java.util.Arrays.fill(hi, m);
        int[] less = new int[n];
        int[] atMost = new int[n];
        double[] rowValues = new double[n];
        long[] rowWeights = new long[n];
        long below = 0;
        long candidates = total;
        boolean median = false;
        long listLimit = 2L * (n + m) + 256;
        while (candidates > listLimit) {
            long rank = k - below;
            double fraction = median ? 0.5 : (rank - 0.5) / candidates;
            int rows = 0;
            for (int i = 0; i < n; i++) {
                int width = hi[i] - lo[i];
                if (width > 0) {
                    int offset = (int) Math.min(width - 1L, (long) (fraction * width));
                    rowValues[rows] = at(i, lo[i] + offset);
                    rowWeights[rows] = width;
                    rows++;
                }
            }
            long targetWeight = Math.max(1, Math.min(candidates, (long) Math.ceil(fraction * candidates)));
            double pivot = weightedSelect(rowValues, rowWeights, rows, targetWeight);
            long lessCount = countLess(pivot, less);
            long atMostCount = countAtMost(pivot, atMost);
            if (lessCount < k && k <= atMostCount) {
                return pivot;
            }
            long remaining = 0;
            below = 0;
            for (int i = 0; i < n; i++) {
                if (k <= lessCount) {
                    hi[i] = Math.min(hi[i], less[i]);
                } else {
                    lo[i] = Math.max(lo[i], atMost[i]);
                }
                if (hi[i] < lo[i]) {
                    hi[i] = lo[i];
                }
                below += lo[i];
                remaining += hi[i] - lo[i];
            }
            median = remaining > candidates / 2;
            candidates = remaining;
        }
        double[] listed = new double[(int) candidates];
        int count = 0;
        for (int i = 0; i < n; i++) {
            for (int c = lo[i]; c < hi[i]; c++) {
                listed[count++] = at(i, c);
            }
        }
        return QuickSelect.select(listed, count, (int) (k - below - 1));
    }

    /** Per row, how many differences are below t; returns the total. */
    long countLess(double t, int[] perRow) {
        long total = 0;
        int c = m;
        for (int i = 0; i < n; i++) {
            while (c > 0 && at(i, c - 1) >= t) {
                c--;
            }
            perRow[i] = c;
            total += c;
        }
        return total;
    }

    /** Per row, how many differences are at most t; returns the total. */
    long countAtMost(double t, int[] perRow) {
        long total = 0;
        int c = m;
        for (int i = 0; i < n; i++) {
            while (c > 0 && at(i, c - 1) > t) {
                c--;
            }
            perRow[i] = c;
            total += c;
        }
        return total;
    }

    long countAtMost(double t) {
        return countAtMost(t, new int[n]);
    }

    /** The smallest difference above t, or NaN when none is. */
    double smallestAbove(double t) {
        int[] atMost = new int[n];
        countAtMost(t, atMost);
        double best = Double.NaN;
        for (int i = 0; i < n; i++) {
            if (atMost[i] < m) {
                double v = at(i, atMost[i]);
                if (Double.isNaN(best) || v < best) {
                    best = v;
                }
            }
        }
        return best;
    }

    /** The median of all differences: the Hodges-Lehmann estimate of the shift. */
    double median() {
        long total = size();
        if (total % 2 == 1) {
            return select((total + 1) / 2);
        }
        double low = select(total / 2);
        double high = countAtMost(low) >= total / 2 + 1 ? low : smallestAbove(low);
        return (low + high) / 2;
    }

    /**
     * The smallest value v with total weight of values ≤ v at least target (weights positive).
     * Reorders values and weights in place; expected linear time.
     */
    static double weightedSelect(double[] values, long[] weights, int length, long target) {
        int lo = 0;
        int hi = length - 1;
        long need = target;
        while (true) {
            if (lo >= hi) {
                return values[lo];
            }
            int mid = (lo + hi) >>> 1;
            double pivot = medianOfThree(values[lo], values[mid], values[hi]);
            // Three-way partition: [lo, lt) < pivot, [lt, gt] == pivot, (gt, hi] > pivot.
            int lt = lo;
            int gt = hi;
            int i = lo;
            long lessWeight = 0;
            long equalWeight = 0;
            while (i <= gt) {
                double v = values[i];
                if (v < pivot) {
                    lessWeight += weights[i];
                    swap(values, weights, lt++, i++);
                } else if (v > pivot) {
                    swap(values, weights, i, gt--);
                } else {
                    equalWeight += weights[i];
                    i++;
                }
            }
            if (need <= lessWeight) {
                hi = lt - 1;
            } else if (need <= lessWeight + equalWeight) {
                return pivot;
            } else {
                need -= lessWeight + equalWeight;
                lo = gt + 1;
            }
        }
    }

    private static double medianOfThree(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    private static void swap(double[] values, long[] weights, int a, int b) {
        double v = values[a];
        values[a] = values[b];
        values[b] = v;
        long w = weights[a];
        weights[a] = weights[b];
        weights[b] = w;
    }
}
