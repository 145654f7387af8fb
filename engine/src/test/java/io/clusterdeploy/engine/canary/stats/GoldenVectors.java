package io.clusterdeploy.engine.canary.stats;

import io.clusterdeploy.engine.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The vectors engine/src/test/r/wilcox-golden.R wrote with R; read only, R is never called. */
final class GoldenVectors {
    private static final String RESOURCE = "/io/clusterdeploy/engine/canary/stats/wilcox-golden.json";

    record Vector(String name, double[] canary, double[] baseline, String method, double statistic,
                  double pValue, double lower, double upper, double confLevel, double estimate,
                  double middleLow, double middleHigh) {
        @Override
        public String toString() {
            return name + " (" + canary.length + "x" + baseline.length + ", " + method + ")";
        }
    }

    private GoldenVectors() {
    }

    static Map<String, Object> file() {
        try (InputStream in = GoldenVectors.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing");
            }
            return new Json().readObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Vector> vectors() {
        return ((List<Map<String, Object>>) file().get("vectors")).stream()
                .map(v -> new Vector((String) v.get("name"), doubles(v.get("canary")), doubles(v.get("baseline")),
                        (String) v.get("method"), num(v.get("statistic")), num(v.get("pValue")),
                        num(v.get("lower")), num(v.get("upper")), num(v.get("confLevel")),
                        num(v.get("estimate")), num(v.get("middleLow")), num(v.get("middleHigh"))))
                .toList();
    }

    @SuppressWarnings("unchecked")
    static List<List<Number>> table(String key) {
        return (List<List<Number>>) file().get(key);
    }

    static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    @SuppressWarnings("unchecked")
    static double[] doubles(Object o) {
        List<Number> list = (List<Number>) o;
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i).doubleValue();
        }
        return out;
    }
}
