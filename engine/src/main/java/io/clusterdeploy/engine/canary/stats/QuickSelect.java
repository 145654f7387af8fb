package io.clusterdeploy.engine.canary.stats;

/** The k-th smallest (0-based) of the first length values, reordering them; expected linear time. */
final class QuickSelect {
    private QuickSelect() {
    }

    static double select(double[] values, int length, int k) {
        if (k < 0 || k >= length) {
            throw new IllegalArgumentException("index " + k + " outside 0.." + (length - 1));
        }
        int lo = 0;
        int hi = length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            double a = values[lo];
            double b = values[mid];
            double c = values[hi];
            double pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
            int lt = lo;
            int gt = hi;
            int i = lo;
            while (i <= gt) {
                double v = values[i];
                if (v < pivot) {
                    values[i] = values[lt];
                    values[lt++] = v;
                    i++;
                } else if (v > pivot) {
                    values[i] = values[gt];
                    values[gt--] = v;
                } else {
                    i++;
                }
            }
            if (k < lt) {
                hi = lt - 1;
            } else if (k > gt) {
                lo = gt + 1;
            } else {
                return pivot;
            }
        }
        return values[lo];
    }
}
