package io.clusterdeploy.engine.canary.stats;

import java.util.Arrays;

/**
 * The n·m differences x[i] − y[j] of two sorted samples, never materialised. With x ascending and y
 * descending the differences form a matrix whose rows and columns are both sorted, so the number of
 * differences below a value is counted in one staircase walk of O(n + m).
 *
 * <p>Order statistics are selected by the row-wise pruning of Johnson and Mizoguchi (1978), the
 * scheme Monahan (1984) used for the Hodges-Lehmann estimator: each row keeps a window of candidate
 * columns, and one staircase count per pivot discards every candidate on the wrong side of it.
 * The pivots bracket the wanted ranks, as in Floyd and Rivest's selection, so that both sides go
 * at once:
 * <ol>
 * <li>one bracket shared by all the ranks the test needs (the interval's two and the median's one
 *     or two), from row-quantile pivots at the ranks' relative positions ± 1/√n;</li>
 * <li>per rank, values interpolated inside its bracket, where the distribution of the differences
 *     is nearly linear, ± 2.5/√candidates of the bracket (all ranks counted in one walk);</li>
 * <li>a last branch-free pass over the few thousand candidates left that keeps only those inside a
 *     final interpolated bracket, which are selected directly.</li>
 * </ol>
 * A step that does not halve the candidates is followed by the weighted median of the row medians,
 * which removes at least a quarter of them whatever the data (Johnson-Mizoguchi's bound): the worst
 * case is O((n + m) log(n·m)) = O((n + m) log(n + m)), the usual case three walks per rank.
 *
 * <p>Every difference is computed as {@code x[i] - y[j]} in double arithmetic, exactly as R's
 * {@code outer(x, y, "-")}, so a selected value is bit-for-bit one of R's sorted differences.
 */
final class PairwiseDifferences {
    private final double[] x;
    /** y descending, shifted by one: column c is at c + 1, and index 0 holds +∞ so that a walk stops there. */
    private final double[] yDescending;
    private final int n;
    private final int m;
    private final long listLimit;

    PairwiseDifferences(SortedSample x, SortedSample y) {
        if (x.isEmpty() || y.isEmpty()) {
            throw new IllegalArgumentException("pairwise differences need two non-empty samples");
        }
        this.x = x.sorted();
        double[] ys = y.sorted();
        this.yDescending = new double[ys.length + 1];
        yDescending[0] = Double.POSITIVE_INFINITY;
        for (int j = 0; j < ys.length; j++) {
            yDescending[j + 1] = ys[ys.length - 1 - j];
        }
        this.n = this.x.length;
        this.m = ys.length;
        this.listLimit = 2L * (n + m) + 512;
    }

    long size() {
        return (long) n * m;
    }

    private double at(int row, int column) {
        return x[row] - yDescending[column + 1];
    }

    /** The k-th smallest difference, k from 1 to n·m. */
    double select(long k) {
        return selectRanks(k)[0];
    }

    /** The median of all differences: the Hodges-Lehmann estimate of the shift. */
    double median() {
        long total = size();
        if (total % 2 == 1) {
            return select((total + 1) / 2);
        }
        double[] middle = selectRanks(total / 2, total / 2 + 1);
        return (middle[0] + middle[1]) / 2;
    }

    /** The differences of the given ranks (1 to n·m, strictly ascending), the first narrowing shared among them. */
    double[] selectRanks(long... ranks) {
        for (int i = 0; i < ranks.length; i++) {
            if (ranks[i] < 1 || ranks[i] > size() || (i > 0 && ranks[i] <= ranks[i - 1])) {
                throw new IllegalArgumentException("ranks must strictly ascend within 1.." + size() + ": "
                        + Arrays.toString(ranks));
            }
        }
        Window shared = new Window();
        long first = ranks[0];
        long last = ranks[ranks.length - 1];
        double[] values = new double[ranks.length];
        if (shared.candidates > listLimit && ranks.length > 1) {
            shared.rankTargeted(first, last, 1 / Math.sqrt(n));
            if (shared.found) {
                for (int i = 0; i < ranks.length; i++) {
                    values[i] = shared.foundValue(ranks[i]);
                }
                return values;
            }
        }
        // Groups of one rank, or two adjacent ranks (the middle of an even count), selected together.
        int groups = 0;
        long[] groupFirst = new long[ranks.length];
        long[] groupLast = new long[ranks.length];
        for (int i = 0; i < ranks.length; i++) {
            if (groups > 0 && ranks[i] == groupLast[groups - 1] + 1 && groupLast[groups - 1] == groupFirst[groups - 1]) {
                groupLast[groups - 1] = ranks[i];
            } else {
                groupFirst[groups] = ranks[i];
                groupLast[groups] = ranks[i];
                groups++;
            }
        }
        Window[] windows = new Window[groups];
        for (int g = 0; g < groups; g++) {
            windows[g] = shared.copy();
        }
        if (groups > 1 && shared.candidates > listLimit && Double.isFinite(shared.lowValue)
                && Double.isFinite(shared.highValue)) {
            // One walk of the shared window counts every group's interpolated bracket.
            double[] pivots = new double[2 * groups];
            boolean usable = true;
            for (int g = 0; g < groups; g++) {
                double[] bracket = shared.interpolated(groupFirst[g], groupLast[g], 1);
                usable &= bracket != null;
                if (bracket != null) {
                    pivots[2 * g] = bracket[0];
                    pivots[2 * g + 1] = bracket[1];
                }
            }
            if (usable) {
                int[][] less = new int[pivots.length][n + 2];
                int[][] atMost = new int[pivots.length][n + 2];
                shared.countAll(pivots, less, atMost);
                for (int g = 0; g < groups; g++) {
                    windows[g].apply(pivots[2 * g], pivots[2 * g + 1], less[2 * g], atMost[2 * g], less[2 * g + 1],
                            atMost[2 * g + 1], groupFirst[g], groupLast[g]);
                }
            }
        }
        int next = 0;
        for (int g = 0; g < groups; g++) {
            double[] v = selectRange(groupFirst[g], groupLast[g], windows[g]);
            for (double value : v) {
                values[next++] = value;
            }
        }
        return values;
    }

    /** Ranks first and last (equal or adjacent) starting from window w. */
    private double[] selectRange(long first, long last, Window w) {
        double spread = 1 / Math.sqrt(n);
        double widen = 1;
        while (w.candidates > listLimit) {
            long before = w.candidates;
            if (w.balanced) {
                double pivot = w.pivot(0.5);
                w.bracket(pivot, pivot, first, last);
            } else if (Double.isFinite(w.lowValue) && Double.isFinite(w.highValue)) {
                double[] bracket = w.interpolated(first, last, widen);
                if (bracket == null) {
                    w.balanced = true;
                    continue;
                }
                widen = w.bracket(bracket[0], bracket[1], first, last) ? widen : widen * 4;
            } else {
                spread = w.rankTargeted(first, last, spread) ? spread : Math.min(0.25, spread * 2);
            }
            if (w.found) {
                return first == last ? new double[] {w.foundValue(first)}
                        : new double[] {w.foundValue(first), w.foundValue(last)};
            }
            // A step that failed to halve the candidates is followed by the weighted median of the row
            // medians, which removes at least a quarter of them whatever the data.
            w.balanced = w.candidates > before / 2;
        }
        int rank = (int) (first - w.below - 1);
        int lastRank = (int) (last - w.below - 1);
        if (w.candidates > 512 && Double.isFinite(w.lowValue) && Double.isFinite(w.highValue)) {
            double[] v = finishByInterpolation(w, rank, lastRank);
            if (v != null) {
                return v;
            }
        }
        double[] listed = new double[(int) w.candidates];
        int count = 0;
        for (int i = 0; i < n; i++) {
            for (int c = w.lo[i]; c < w.hi[i]; c++) {
                listed[count++] = at(i, c);
            }
        }
        return selectListed(listed, count, rank, lastRank);
    }

    /**
     * The last step without listing the window: one pass counts the candidates below an
     * interpolated bracket of the ranks and keeps only those inside it (a few hundred), branch-free,
     * which are then selected directly. Null when the ranks fell outside the bracket.
     */
    private double[] finishByInterpolation(Window w, int rank, int lastRank) {
        double range = w.highValue - w.lowValue;
        double guess = w.lowValue + range * ((rank + lastRank) / 2.0 + 0.5) / w.candidates;
        double margin = range * 3 / Math.sqrt(w.candidates);
        double low = guess - margin;
        double high = guess + margin;
        double[] kept = new double[(int) w.candidates];
        int count = 0;
        int below = 0;
        for (int i = 0; i < n; i++) {
            double xi = x[i];
            for (int c = w.lo[i] + 1, end = w.hi[i] + 1; c < end; c++) {
                double d = xi - yDescending[c];
                below += d < low ? 1 : 0;
                kept[count] = d;
                count += d >= low && d <= high ? 1 : 0;
            }
        }
        if (rank < below || lastRank >= below + count) {
            return null;
        }
        return selectListed(kept, count, rank - below, lastRank - below);
    }

    /** Ranks rank..lastRank (0-based, equal or adjacent) of the first count listed values. */
    private static double[] selectListed(double[] listed, int count, int rank, int lastRank) {
        double value = QuickSelect.select(listed, count, rank);
        if (lastRank == rank) {
            return new double[] {value};
        }
        // QuickSelect leaves everything after rank at least its value: the next one is their minimum.
        double next = Double.POSITIVE_INFINITY;
        for (int i = rank + 1; i < count; i++) {
            next = Math.min(next, listed[i]);
        }
        return new double[] {value, next};
    }

    /**
     * The candidate columns [lo[i], hi[i]) of each row, and scratch space for one selection. Every
     * difference left of a window is at most lowValue, every one right of it at least highValue, so
     * a pivot strictly between them is counted by walking the windows only.
     */
    private final class Window {
        final int[] lo;
        final int[] hi;
        /**
         * Scratch for the per-row counts at one or two pivots, made on first use (copies often never
         * count); indexes n and n + 1 hold the total (it may pass 2³¹).
         */
        int[] less;
        int[] atMost;
        int[] less2;
        int[] atMost2;
        /** Σ lo: the differences known to be below the wanted ranks. */
        long below;
        /** Σ hi. */
        long top;
        long candidates;
        double lowValue = Double.NEGATIVE_INFINITY;
        double highValue = Double.POSITIVE_INFINITY;
        boolean balanced;
        /** The last bracket's pivots are the values of every wanted rank: ranks up to foundSplit have foundLow. */
        boolean found;
        double foundLow;
        double foundHigh;
        long foundSplit;

        Window() {
            lo = new int[n];
            hi = new int[n];
            Arrays.fill(hi, m);
            top = (long) n * m;
            candidates = top;
        }

        private Window(Window other) {
            lo = other.lo.clone();
            hi = other.hi.clone();
            below = other.below;
            top = other.top;
            candidates = other.candidates;
            lowValue = other.lowValue;
            highValue = other.highValue;
        }

        Window copy() {
            return new Window(this);
        }

        /** Two row-quantile pivots at the relative ranks of first − spread and last + spread; true if they bracket. */
        boolean rankTargeted(long first, long last, double spread) {
            double from = (first - below - 0.5) / candidates - spread;
            double to = (last - below - 0.5) / candidates + spread;
            return bracket(pivot(Math.max(0, from)), pivot(Math.min(1, to)), first, last);
        }

        /** The weighted fraction-quantile of the rows' fraction-quantiles: a candidate near relative rank fraction. */
        double pivot(double fraction) {
            long target = Math.max(1, Math.min(candidates, (long) Math.ceil(fraction * candidates)));
            if (candidates == (long) n * m) {
                // Untouched windows: every row's quantile sits in the same column and the rows ascend.
                int column = (int) Math.min(m - 1L, (long) (fraction * m));
                int row = (int) ((target - 1) / m);
                return at(row, column);
            }
            double[] rowValues = new double[n];
            long[] rowWeights = new long[n];
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
            return weightedSelect(rowValues, rowWeights, rows, target);
        }

        /**
         * Two values around the interpolated value of ranks first..last: inside a bracket the
         * distribution of the differences is close to linear, with an error, as a fraction of the
         * window, that shrinks like 1/√candidates. Null when the window's values leave no room.
         */
        double[] interpolated(long first, long last, double widen) {
            double range = highValue - lowValue;
            double guess = lowValue + range * ((first + last) / 2.0 - below - 0.5) / candidates;
            double margin = Math.min(0.25, widen * Math.max(0.005, 2.5 / Math.sqrt(candidates)));
            double low = Math.max(lowValue + range * 1e-9, guess - range * margin);
            double high = Math.min(highValue - range * 1e-9, guess + range * margin);
            return low > lowValue && low < high && high < highValue ? new double[] {low, high} : null;
        }

        /** Counts at two pivots low ≤ high and keeps the part that holds ranks first..last; see {@link #apply}. */
        boolean bracket(double low, double high, long first, long last) {
            if (less == null) {
                less = new int[n + 2];
                atMost = new int[n + 2];
                less2 = new int[n + 2];
                atMost2 = new int[n + 2];
            }
            if (low == high) {
                countAll(new double[] {low}, new int[][] {less}, new int[][] {atMost});
                return apply(low, high, less, atMost, less, atMost, first, last);
            }
            countAll(new double[] {low, high}, new int[][] {less, less2}, new int[][] {atMost, atMost2});
            return apply(low, high, less, atMost, less2, atMost2, first, last);
        }

        /**
         * Keeps the part that holds ranks first..last, given the per-row counts at two pivots
         * low ≤ high: between them, below low or above high. Sets {@link #found} when the pivots
         * are the answer; returns whether the ranks fell between the pivots.
         */
        boolean apply(double low, double high, int[] lessLowRows, int[] atMostLowRows, int[] lessHighRows,
                      int[] atMostHighRows, long first, long last) {
            long lessLow = sum(lessLowRows);
            long atMostLow = sum(atMostLowRows);
            if (last <= lessLow) {
                setHigh(lessLowRows, low);
                recount();
                return false;
            }
            long lessHigh = sum(lessHighRows);
            long atMostHigh = sum(atMostHighRows);
            // Answered when first..last all fall in the pivots' groups of equal values, with nothing between.
            boolean firstAtPivot = (lessLow < first && first <= atMostLow) || (lessHigh < first && first <= atMostHigh);
            boolean lastAtPivot = (lessLow < last && last <= atMostLow) || (lessHigh < last && last <= atMostHigh);
            if (firstAtPivot && lastAtPivot && (last <= atMostLow || first > lessHigh || lessHigh <= atMostLow)) {
                found = true;
                foundLow = low;
                foundHigh = high;
                foundSplit = atMostLow;
                return true;
            }
            if (first > atMostHigh) {
                setLow(atMostHighRows, high);
                recount();
                return false;
            }
            boolean between = first > atMostLow && last <= lessHigh;
            if (first > atMostLow) {
                setLow(atMostLowRows, low);
            }
            if (last <= lessHigh) {
                setHigh(lessHighRows, high);
            }
            recount();
            return between;
        }

        double foundValue(long rank) {
            return rank <= foundSplit ? foundLow : foundHigh;
        }

        private void setHigh(int[] rows, double value) {
            System.arraycopy(rows, 0, hi, 0, n);
            top = sum(rows);
            highValue = value;
        }

        private void setLow(int[] rows, double value) {
            System.arraycopy(rows, 0, lo, 0, n);
            below = sum(rows);
            lowValue = value;
        }

        private void recount() {
            candidates = top - below;
        }

        private long sum(int[] perRow) {
            return ((long) perRow[n + 1] << 32) | (perRow[n] & 0xFFFFFFFFL);
        }

        private void setTotal(int[] perRow, long total) {
            perRow[n] = (int) total;
            perRow[n + 1] = (int) (total >>> 32);
        }

        /**
         * Per row the differences below each pivot and at most it, in one walk of the windows (the
         * pivots in any order). Only the window can hold a boundary (left of it all are below the
         * pivot, right of it all above), and a boundary moves left from row to row, so the walk is
         * O(n + m) per pivot. Equal values are looked for only where the first value at or above
         * the pivot equals it, which continuous data never has.
         */
        void countAll(double[] pivots, int[][] lessRows, int[][] atMostRows) {
            int k = pivots.length;
            int[] cl = new int[k];
            int[] ca = new int[k];
            long[] lessTotals = new long[k];
            long[] atMostTotals = new long[k];
            Arrays.fill(cl, m);
            Arrays.fill(ca, m);
            for (int i = 0; i < n; i++) {
                int end = hi[i];
                double xi = x[i];
                for (int p = 0; p < k; p++) {
                    int below = boundaryBelow(xi, pivots[p], Math.min(cl[p], end));
                    int atMostP = boundaryAtMost(xi, pivots[p], below, ca[p], end);
                    cl[p] = below;
                    ca[p] = atMostP;
                    lessRows[p][i] = below;
                    atMostRows[p][i] = atMostP;
                    lessTotals[p] += below;
                    atMostTotals[p] += atMostP;
                }
            }
            for (int p = 0; p < k; p++) {
                setTotal(lessRows[p], lessTotals[p]);
                setTotal(atMostRows[p], atMostTotals[p]);
            }
        }

        /**
         * The number of columns of the row below t, walking left from start. Left of the window all
         * are below t, and left of column 0 stands the sentinel, so the walk needs no bound. The
         * first steps are taken without branching (the walk is short and its length unpredictable).
         */
        private int boundaryBelow(double xi, double t, int start) {
            double[] y = yDescending;
            int c = start;
            c -= xi - y[c] >= t ? 1 : 0;
            c -= xi - y[c] >= t ? 1 : 0;
            c -= xi - y[c] >= t ? 1 : 0;
            while (xi - y[c] >= t) {
                c--;
            }
            return c;
        }

        /** The number of columns of the row at most t, given those below t and the previous row's answer. */
        private int boundaryAtMost(double xi, double t, int below, int previous, int top) {
            if (below >= top || xi - yDescending[below + 1] != t) {
                return below;
            }
            int c = Math.min(Math.max(previous, below), top);
            while (c > below && xi - yDescending[c] > t) {
                c--;
            }
            return c;
        }
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
