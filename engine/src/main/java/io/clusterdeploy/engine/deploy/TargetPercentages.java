package io.clusterdeploy.engine.deploy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Fields;
import java.util.ArrayList;
import java.util.List;

/** Rolling red/black's steps: whole percentages 1–100, strictly increasing, 100 appended if missing. */
final class TargetPercentages {
    static final List<Integer> DEFAULT = List.of(50, 100);

    private TargetPercentages() {
    }

    static List<Integer> parse(String field, Object value) {
        if (value == null) {
            return DEFAULT;
        }
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw ClusterDeployException.invalid(field, field + " must be a non-empty list of percentages");
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            int p = Fields.wholeNumber(field + "[" + i + "]", list.get(i), 1, 100);
            if (!out.isEmpty() && p <= out.get(out.size() - 1)) {
                throw ClusterDeployException.invalid(field + "[" + i + "]",
                        field + " must be strictly increasing: " + p + " follows " + out.get(out.size() - 1));
            }
            out.add(p);
        }
        if (out.get(out.size() - 1) != 100) {
            out.add(100);
        }
        return List.copyOf(out);
    }
}
