package io.clusterdeploy.provider.prometheus;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The series of a range query's {@code data}: {@code resultType} matrix, each {@code {metric, values}}. */
final class MatrixAnswer {
    /** One series: its labels and its points, timestamps in epoch milliseconds. */
    record Series(Map<String, String> labels, long[] millis, double[] values) {
    }

    private MatrixAnswer() {
    }

    static List<Series> read(Map<String, Object> data, String field) {
        Object type = data.get("resultType");
        if (!"matrix".equals(type)) {
            throw ClusterDeployException.invalid(field, field + ": a range query must give series (a matrix),"
                    + " Prometheus gave " + type);
        }
        if (!(data.get("result") instanceof List<?> result)) {
            throw malformed("no result list");
        }
        List<Series> series = new ArrayList<>(result.size());
        for (Object item : result) {
            if (!(item instanceof Map<?, ?> s)) {
                throw malformed("a series that is not an object");
            }
            Map<String, String> labels = new TreeMap<>();
            if (s.get("metric") instanceof Map<?, ?> metric) {
                metric.forEach((k, v) -> labels.put(String.valueOf(k), String.valueOf(v)));
            }
            Object values = s.get("values");
            if (values == null && s.get("histograms") != null) {
                throw ClusterDeployException.invalid(field, field + ": the query gives native histograms, which"
                        + " cannot be judged as numbers; use histogram_quantile(...), histogram_count(...) or"
                        + " histogram_sum(...)");
            }
            if (!(values instanceof List<?> points)) {
                throw malformed("a series without values");
            }
            long[] millis = new long[points.size()];
            double[] v = new double[points.size()];
            for (int i = 0; i < points.size(); i++) {
                if (!(points.get(i) instanceof List<?> pair) || pair.size() != 2) {
                    throw malformed("a point that is not [time, \"value\"]");
                }
                millis[i] = millis(pair.get(0));
                v[i] = value(pair.get(1));
            }
            series.add(new Series(labels, millis, v));
        }
        return series;
    }

    private static long millis(Object time) {
        try {
            return new BigDecimal(String.valueOf(time)).movePointRight(3).setScale(0, java.math.RoundingMode.HALF_UP)
                    .longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw malformed("a point time '" + time + "'");
        }
    }

    /** Prometheus writes values as strings, with NaN, +Inf and -Inf for the special ones. */
    static double value(Object raw) {
        String s = String.valueOf(raw);
        switch (s) {
            case "NaN":
                return Double.NaN;
            case "+Inf":
            case "Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                try {
                    return Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw malformed("a point value '" + s + "'");
                }
        }
    }

    private static ClusterDeployException malformed(String what) {
        return new ClusterDeployException(ErrorKind.INTERNAL, null,
                "Prometheus answered a range query with " + what);
    }
}
