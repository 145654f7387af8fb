package io.clusterdeploy.provider.local;

/** Quantiles of a {@link LatencyBuckets} histogram. */
final class LatencyQuantile {
    private LatencyQuantile() {
    }

    /** The upper bound, in milliseconds, of the bucket holding the {@code q} quantile; NaN for an empty histogram. */
    static double millis(long[] histogram, double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("q must be between 0 and 1, was " + q);
        }
        long total = 0;
        for (long c : histogram) {
            total += c;
        }
        if (total == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int i = 0; i < histogram.length; i++) {
            seen += histogram[i];
            if (seen >= rank) {
                long upper = LatencyBuckets.upperBoundMicros(i);
                return upper == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : upper / 1000.0;
            }
        }
        return Double.NaN;
    }
}
