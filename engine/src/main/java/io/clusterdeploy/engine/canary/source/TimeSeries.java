package io.clusterdeploy.engine.canary.source;

import java.time.Instant;
import java.util.Arrays;

/**
 * Points of one metric for one scope: strictly increasing timestamps (epoch milliseconds) and
 * their values. A gap is NaN, never an invented value; a source that has nothing returns an
 * empty series, never zeros. Immutable.
 */
public final class TimeSeries {
    private static final TimeSeries EMPTY = new TimeSeries(new long[0], new double[0]);
    private final long[] timestamps;
    private final double[] values;

    private TimeSeries(long[] timestamps, double[] values) {
        this.timestamps = timestamps;
        this.values = values;
    }

    public static TimeSeries empty() {
        return EMPTY;
    }

    public static TimeSeries of(long[] epochMillis, double[] values) {
        if (epochMillis.length != values.length) {
            throw new IllegalArgumentException(
                    epochMillis.length + " timestamps for " + values.length + " values");
        }
        for (int i = 1; i < epochMillis.length; i++) {
            if (epochMillis[i] <= epochMillis[i - 1]) {
                throw new IllegalArgumentException("timestamps must increase, " + epochMillis[i]
                        + " follows " + epochMillis[i - 1] + " at index " + i);
            }
        }
        return new TimeSeries(epochMillis.clone(), values.clone());
    }

    /** Points at start, start + step, …, for sources that answer on a regular grid. */
    public static TimeSeries regular(Instant start, java.time.Duration step, double[] values) {
        long[] t = new long[values.length];
        long s = start.toEpochMilli();
        long d = step.toMillis();
        for (int i = 0; i < t.length; i++) {
            t[i] = s + i * d;
        }
        return new TimeSeries(t, values.clone());
    }

    public int size() {
        return values.length;
    }

    public boolean isEmpty() {
        return values.length == 0;
    }

    public long epochMillis(int i) {
        return timestamps[i];
    }

    public Instant timestamp(int i) {
        return Instant.ofEpochMilli(timestamps[i]);
    }

    public double value(int i) {
        return values[i];
    }

    /** A copy of the values, gaps as NaN. */
    public double[] values() {
        return values.clone();
    }

    /** A copy of the timestamps, epoch milliseconds. */
    public long[] epochMillis() {
        return timestamps.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeSeries other && Arrays.equals(timestamps, other.timestamps)
                && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(timestamps) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "TimeSeries[" + values.length + " points]";
    }
}
