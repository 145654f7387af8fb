package io.jenkins.plugins.clusterdeploy.progress;

import io.clusterdeploy.engine.api.Views;
import io.clusterdeploy.engine.plan.Plan;
import io.jenkins.plugins.clusterdeploy.runtime.ClusterDeployRuntime;
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

    /**
     * A step's or builder's dry run: the account rules for {@code accounts}, the engine's plan of {@code request},
     * written to {@code log}; the plan map is returned. A refusal fails the step naming the parameter, as a run would.
     */
    public static Map<String, Object> dryRun(ClusterDeployRuntime runtime, hudson.model.Item job, List<String> accounts,
                                             String step, Map<String, Object> request, java.io.PrintStream log)
            throws hudson.AbortException {
        Plan plan;
        try {
            for (String a : accounts) {
                runtime.checkAccountUse(a, runtime.originOf(job));
            }
            plan = runtime.planner().plan(new java.util.LinkedHashMap<>(request));
        } catch (io.clusterdeploy.engine.error.ClusterDeployException e) {
            throw new hudson.AbortException(StartErrors.message(step, e));
        }
        Map<String, Object> result = resultMap(plan);
        lines(step, result).forEach(log::println);
        return result;
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
