package io.jenkins.plugins.clusterdeploy.progress;

import io.clusterdeploy.engine.api.Views;
import io.clusterdeploy.engine.plan.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A dry run for a build: the plan as the API answers it (what a step with {@code dryRun: true} returns: plain maps,
 * lists, strings and numbers) and the lines the build log shows. The plan comes from the engine's planner, which runs
 * the operation's own steps against a simulated cloud; nothing here describes an operation on its own.
 */
public final class PlanReport {
    private PlanReport() {
    }

    public static Map<String, Object> resultMap(Plan plan) {
        return Views.plan(plan);
    }

    /** The outcome, then each step with the changes it would make and the checks it would pass or fail. */
    @SuppressWarnings("unchecked")
    public static List<String> lines(String step, Map<String, Object> plan) {
        List<String> out = new ArrayList<>();
        out.add("Cluster Deploy: " + step + " dry run, nothing changed: the " + plan.get("type") + " would "
                + ("SUCCEEDS".equals(plan.get("outcome")) ? "succeed" : "fail") + " (plan fingerprint "
                + plan.get("fingerprint") + ")");
        if (plan.get("error") instanceof Map<?, ?> e) {
            out.add("  error: " + e.get("message"));
        }
        for (Object o : (List<Object>) plan.get("steps")) {
            Map<String, Object> s = (Map<String, Object>) o;
            out.add("  " + s.get("name") + (s.get("message") == null ? "" : ": " + s.get("message")));
            for (Object a : (List<Object>) s.get("actions")) {
                out.add("    would " + ((Map<String, Object>) a).get("summary"));
            }
            for (Object c : (List<Object>) s.get("checks")) {
                Map<String, Object> check = (Map<String, Object>) c;
                out.add("    check " + check.get("verdict") + ": " + check.get("description"));
            }
        }
        return out;
    }
}
