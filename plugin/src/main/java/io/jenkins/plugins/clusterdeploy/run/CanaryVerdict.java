package io.jenkins.plugins.clusterdeploy.run;

import io.clusterdeploy.engine.analysis.AnalysisKeys;
import io.clusterdeploy.engine.operation.ContextKeys;
import java.util.Map;

/** Where an operation keeps its latest canary judgement: a canary deploy's last interval, or an analysis's result. */
final class CanaryVerdict {
    private CanaryVerdict() {
    }

    /** {@code {score, classification, reason, report}}, or null when the operation judged nothing (yet). */
    static Map<?, ?> of(Map<String, Object> context) {
        if (context.get(ContextKeys.CANARY) instanceof Map<?, ?> canary && canary.get("report") instanceof Map<?, ?> r) {
            return r;
        }
        return context.get(AnalysisKeys.RESULT) instanceof Map<?, ?> r ? r : null;
    }
}
