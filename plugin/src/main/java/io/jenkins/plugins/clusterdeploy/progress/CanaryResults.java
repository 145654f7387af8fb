package io.jenkins.plugins.clusterdeploy.progress;

import io.clusterdeploy.engine.analysis.AnalysisKeys;
import io.clusterdeploy.engine.operation.OperationState;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A finished canary analysis for a build: the map the step returns and the lines it writes to the build log. Both
 * are read from the report the engine stored; nothing is judged or computed here.
 */
public final class CanaryResults {
    public static final String PASS = "Pass";
    public static final String MARGINAL = "Marginal";
    public static final String FAIL = "Fail";

    private CanaryResults() {
    }

    /**
     * {@code operationId}, {@code status}, {@code score} (a double), {@code classification} (Pass, Marginal, Fail),
     * {@code reason} and {@code report}: the engine's report without the points of the series (their counts and
     * statistics stay; the points are in the operation, {@code GET /operations/{id}}), so that a Pipeline keeps a
     * small value. Plain strings, numbers, booleans, lists and maps.
     *
     * @throws IllegalStateException when the operation holds no result (it did not succeed)
     */
    public static Map<String, Object> resultMap(OperationState s) {
        if (!(s.context().get(AnalysisKeys.RESULT) instanceof Map<?, ?> result)) {
            throw new IllegalStateException("operation " + s.id() + " holds no canary analysis result");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("operationId", s.id());
        out.put("status", s.status().name());
        out.put("score", result.get("score") instanceof Number n ? n.doubleValue() : null);
        out.put("classification", String.valueOf(result.get("classification")));
        out.put("reason", result.get("reason") == null ? null : String.valueOf(result.get("reason")));
        out.put("report", withoutPoints(result.get("report")));
        return out;
    }

    /** What the build log shows: the verdict, then each metric's class and reason, then the warnings. */
    @SuppressWarnings("unchecked")
    public static List<String> lines(Map<String, Object> result) {
        List<String> out = new ArrayList<>();
        Map<String, Object> report = result.get("report") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        out.add("Canary analysis: " + result.get("classification") + ", score " + number(result.get("score"))
                + thresholds(report.get("scoreThresholds")) + ". " + result.get("reason"));
        if (report.get("metrics") instanceof List<?> metrics) {
            for (Object o : metrics) {
                if (o instanceof Map<?, ?> metric) {
                    out.add("  [" + metric.get("classification") + "] " + metric.get("reason")
                            + (Boolean.TRUE.equals(metric.get("muted")) ? " (muted)" : ""));
                }
            }
        }
        if (report.get("warnings") instanceof List<?> warnings) {
            for (Object w : warnings) {
                out.add("  warning: " + w);
            }
        }
        return out;
    }

    private static String thresholds(Object value) {
        if (value instanceof Map<?, ?> t) {
            return " (pass " + number(t.get("pass")) + ", marginal " + number(t.get("marginal")) + ")";
        }
        return "";
    }

    private static String number(Object value) {
        if (!(value instanceof Number n)) {
            return String.valueOf(value);
        }
        double d = n.doubleValue();
        return d == Math.rint(d) ? String.valueOf((long) d) : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** The report as plain data, each side's {@code series} left out. */
    private static Object withoutPoints(Object value) {
        return strip(null, value);
    }

    private static Object strip(String key, Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            boolean side = "canary".equals(key) || "baseline".equals(key);
            m.forEach((k, v) -> {
                String name = String.valueOf(k);
                if (!(side && name.equals("series"))) {
                    out.put(name, strip(name, v));
                }
            });
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(strip(null, v)));
            return out;
        }
        if (value instanceof BigDecimal d) {
            return d.doubleValue(); // the stored JSON's decimals; whole counts come back as integers
        }
        return value;
    }
}
