package io.clusterdeploy.provider.local;

/**
 * The fixed latency buckets of the load balancer's statistics: log-spaced with four linear steps per
 * power of two of microseconds, so that each bucket is at most 25% wider than its lower bound. Bucket 0
 * holds everything under 16 µs; buckets 1 to 92 cover 16 µs to 2^27 µs (about 134 s); bucket 93 holds
 * the rest. A latency is the time from the request head's arrival to the response's last byte
 * leaving the load balancer for the client.
 */
public final class LatencyBuckets {
    /** How many buckets there are. */
    public static final int COUNT = 94;
    private static final int FIRST_EXPONENT = 4;
    private static final int LAST_EXPONENT = 26;

    private LatencyBuckets() {
    }

    /** The bucket of a latency in microseconds. */
    static int index(long micros) {
        if (micros < (1L << FIRST_EXPONENT)) {
            return 0;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(micros);
        if (exponent > LAST_EXPONENT) {
            return COUNT - 1;
        }
        int step = (int) (micros >>> (exponent - 2)) & 3;
        return 1 + (exponent - FIRST_EXPONENT) * 4 + step;
    }

    /** The smallest latency, in microseconds, that falls in bucket {@code i}. */
    public static long lowerBoundMicros(int i) {
        check(i);
        if (i == 0) {
            return 0;
        }
        int exponent = FIRST_EXPONENT + (i - 1) / 4;
        int step = (i - 1) % 4;
        return (1L << exponent) + step * (1L << (exponent - 2));
    }

    /** The bucket's exclusive upper bound in microseconds; {@link Long#MAX_VALUE} for the last one. */
    public static long upperBoundMicros(int i) {
        check(i);
        return i == COUNT - 1 ? Long.MAX_VALUE : lowerBoundMicros(i + 1);
    }

    private static void check(int i) {
        if (i < 0 || i >= COUNT) {
            throw new IllegalArgumentException("bucket must be between 0 and " + (COUNT - 1) + ", was " + i);
        }
    }
}
