package io.clusterdeploy.engine.canary.stats;

import java.util.Arrays;

/**
 * Sorts finite doubles ascending by a least-significant-digit radix sort of their bit patterns,
 * made order-preserving (sign bit flipped for positives, all bits for negatives). A judged metric
 * sorts two series of about 1,440 values; this is about twice as fast there as a comparison sort,
 * and skips the bytes all values share (the exponent of a metric's values rarely varies much).
 */
final class RadixSort {
    private static final int SMALL = 256;

    private RadixSort() {
    }

    /** Sorts in place; the values must be finite (−0.0 is sorted as 0.0 and becomes it). */
    static void sort(double[] values) {
        int n = values.length;
        if (n < SMALL) {
            for (int i = 0; i < n; i++) {
                values[i] = values[i] + 0.0; // −0.0 + 0.0 is 0.0
            }
            Arrays.sort(values);
            return;
        }
        long[] keys = new long[n];
        int[][] histograms = new int[8][256];
        for (int i = 0; i < n; i++) {
            long bits = Double.doubleToRawLongBits(values[i] + 0.0);
            long key = bits ^ ((bits >> 63) | Long.MIN_VALUE);
            keys[i] = key;
            for (int d = 0; d < 8; d++) {
                histograms[d][(int) (key >>> (8 * d)) & 0xFF]++;
            }
        }
        long[] buffer = new long[n];
        for (int d = 0; d < 8; d++) {
            int[] histogram = histograms[d];
            int shift = 8 * d;
            if (histogram[(int) (keys[0] >>> shift) & 0xFF] == n) {
                continue; // every value has this byte
            }
            int sum = 0;
            for (int b = 0; b < 256; b++) {
                int c = histogram[b];
                histogram[b] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                long key = keys[i];
                buffer[histogram[(int) (key >>> shift) & 0xFF]++] = key;
            }
            long[] t = keys;
            keys = buffer;
            buffer = t;
        }
        for (int i = 0; i < n; i++) {
            long key = keys[i];
            long bits = key < 0 ? key ^ Long.MIN_VALUE : ~key;
            values[i] = Double.longBitsToDouble(bits);
        }
    }
}
