package io.clusterdeploy.standalone.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code demo --canary} saw: the load through the load balancer and, for each canary, its verdict, its intervals,
 * each metric's class and reason, the traffic share chosen and served, and the requests that failed while it lived.
 */
public record CanaryDemoReport(String apiUrl, DemoReport.LoadBalancerInfo loadBalancer, long requests,
                               long failedRequests, Run bad, Run good, List<String> versionsAfter,
                               List<DemoReport.ServerGroupInfo> serverGroups) {

    public CanaryDemoReport {
        versionsAfter = List.copyOf(versionsAfter);
        serverGroups = List.copyOf(serverGroups);
    }

    /** One canary deploy as the API returned it at its end, with the load seen while it ran. */
    public record Run(String version, String operationId, String status, String error, Map<String, Object> canary,
                      long requests, long failedRequests, List<DemoReport.StepInfo> steps) {
        @SuppressWarnings("unchecked")
        static Run of(String version, Map<String, Object> op, long requests, long failed,
                      List<DemoReport.StepInfo> steps) {
            Map<String, Object> context = op.get("context") instanceof Map<?, ?> c ? (Map<String, Object>) c : Map.of();
            Map<String, Object> canary = context.get("canary") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            return new Run(version, String.valueOf(op.get("id")), String.valueOf(op.get("status")), Demo.errorOf(op),
                    canary, requests, failed, steps);
        }

        public String decision() {
            return canary.get("decision") == null ? null : String.valueOf(canary.get("decision"));
        }

        String decisionReason() {
            return decision() == null ? String.valueOf(error) : decision() + ": " + canary.get("reason");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> lastJudgement() {
            return canary.get("report") instanceof Map<?, ?> r ? (Map<String, Object>) r : Map.of();
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> metrics() {
            Object report = lastJudgement().get("report");
            return report instanceof Map<?, ?> r && r.get("metrics") instanceof List<?> l
                    ? (List<Map<String, Object>>) l : List.of();
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> intervals() {
            return canary.get("intervals") instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> traffic() {
            return canary.get("traffic") instanceof Map<?, ?> t ? (Map<String, Object>) t : Map.of();
        }

        /** The canary's verdict without the points of its series: what a person or a script reads. */
        Map<String, Object> toJsonMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("version", version);
            m.put("operationId", operationId);
            m.put("status", status);
            m.put("error", error);
            m.put("decision", decision());
            m.put("reason", canary.get("reason"));
            m.put("baseline", canary.get("baseline"));
            m.put("canary", canary.get("canary"));
            m.put("score", lastJudgement().get("score"));
            m.put("classification", lastJudgement().get("classification"));
            m.put("intervals", intervals());
            m.put("traffic", traffic());
            List<Map<String, Object>> metrics = new ArrayList<>();
            for (Map<String, Object> metric : metrics()) {
                Map<String, Object> mm = new LinkedHashMap<>();
                mm.put("name", metric.get("name"));
                mm.put("classification", metric.get("classification"));
                mm.put("reason", metric.get("reason"));
                metrics.add(mm);
            }
            m.put("metrics", metrics);
            m.put("requestsWhileItRan", requests);
            m.put("failedRequestsWhileItRan", failedRequests);
            return m;
        }
    }

    /**
     * The bad canary failed and was never promoted, the good one was promoted, only the good version answers now,
     * and no request failed except while the bad canary took its share.
     */
    public boolean passed() {
        return "FAILED".equals(bad.status()) && "fail".equals(bad.decision())
                && "SUCCEEDED".equals(good.status()) && "promote".equals(good.decision())
                && good.failedRequests() == 0 && failedRequests == bad.failedRequests()
                && versionsAfter.equals(List.of(CanaryDemo.GOOD));
    }

    public Map<String, Object> toJsonMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("passed", passed());
        m.put("apiUrl", apiUrl);
        m.put("loadBalancer", Map.of("name", loadBalancer.name(), "address", loadBalancer.address()));
        m.put("requests", requests);
        m.put("failedRequests", failedRequests);
        m.put("badCanary", bad.toJsonMap());
        m.put("goodCanary", good.toJsonMap());
        m.put("versionsAfter", versionsAfter);
        m.put("serverGroups", serverGroups.stream().map(g -> Map.of("name", g.name(), "enabled", g.enabled(),
                "instances", g.instances(), "up", g.up())).toList());
        return m;
    }
}
