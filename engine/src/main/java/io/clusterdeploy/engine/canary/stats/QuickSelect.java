package io.clusterdeploy.engine.canary.stats;

/**
 * The k-th smallest (0-based) of the first length values, by Hoare partitioning around the value
 * at k (Wirth's FIND). Reorders the values so that none before k is larger and none after it
 * smaller. Expected linear time.
 */
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
            double pivot = values[k];
            int i = lo;
            int j = hi;
            do {
                while (values[i] < pivot) {
                    i++;
                }
                while (pivot < values[j]) {
                    j--;
                }
                if (i <= j) {
                    double t = values[i];
                    values[i] = values[j];
                    values[j] = t;
                    i++;
                    j--;
                }
            } while (i <= j);
            if (j < k) {
                lo = i;
            }
            if (k < i) {
                hi = j;
            }
        }
        return values[k];
    }
}
