package io.clusterdeploy.engine.canary.config;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Fields;
import java.util.Map;

/** A summary score of at least {@code pass} passes, of at least {@code marginal} is Marginal, lower fails. */
public record ScoreThresholds(double pass, double marginal) {
    public static final ScoreThresholds DEFAULT = new ScoreThresholds(75, 50);

    public ScoreThresholds {
        if (!(pass >= 0 && pass <= 100) || !(marginal >= 0 && marginal <= 100)) {
            throw ClusterDeployException.invalid("scoreThresholds", "score thresholds must be between 0 and 100");
        }
        if (marginal > pass) {
            throw ClusterDeployException.invalid("scoreThresholds.marginal",
                    "scoreThresholds.marginal (" + marginal + ") must not exceed scoreThresholds.pass (" + pass + ")");
        }
    }

    /**
     * Reads {@code {pass, marginal}}, e.g. the thresholds of Kayenta's execution request, under
     * {@code prefix} for error paths; a missing value takes the fallback's.
     */
    public static ScoreThresholds parse(String prefix, Map<String, Object> map, ScoreThresholds fallback) {
        Fields f = new Fields(prefix, map);
        double pass = f.optionalDouble("pass", fallback.pass(), 0, 100);
        double marginal = f.optionalDouble("marginal", fallback.marginal(), 0, 100);
        f.rejectUnknown();
        if (marginal > pass) {
            throw ClusterDeployException.invalid(f.path("marginal"),
                    f.path("marginal") + " (" + marginal + ") must not exceed " + f.path("pass") + " (" + pass + ")");
        }
        return new ScoreThresholds(pass, marginal);
    }
}
