package io.jenkins.plugins.clusterdeploy.run;

import hudson.model.Item;
import hudson.model.Run;
import io.clusterdeploy.engine.json.Json;
import io.clusterdeploy.engine.operation.OperationState;
import io.jenkins.plugins.clusterdeploy.ui.JsonHttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.WebMethod;
import org.kohsuke.stapler.verb.GET;

/**
 * The build summary of a run that used Cluster Deploy: every operation its steps and builders ran, with the
 * server groups they created, disabled and destroyed and their timelines ({@code summary.jelly} on the build page,
 * {@code index.jelly} at {@code cluster-deploy/}), and the same data as JSON at {@code cluster-deploy/json}.
 */
public final class ClusterDeployRunAction implements RunAction2 {
    public static final String URL_NAME = "cluster-deploy";

    private final List<OperationRecord> operations = new ArrayList<>();
    private transient Run<?, ?> run;

    /** The run's action, added on first use. */
    public static ClusterDeployRunAction of(Run<?, ?> run) {
        synchronized (run) {
            ClusterDeployRunAction action = run.getAction(ClusterDeployRunAction.class);
            if (action == null) {
                action = new ClusterDeployRunAction();
                run.addAction(action);
            }
            return action;
        }
    }

    /** Records the latest state of an operation (replacing what was recorded of it before). */
    public synchronized void record(OperationState state, String step) {
        OperationRecord r = OperationRecord.of(state, step);
        for (int i = 0; i < operations.size(); i++) {
            if (operations.get(i).getId().equals(r.getId())) {
                operations.set(i, r);
                return;
            }
        }
        operations.add(r);
    }

    public synchronized List<OperationRecord> getOperations() {
        return List.copyOf(operations);
    }

    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public String getIconFileName() {
        return "/plugin/cluster-deploy/images/cluster-deploy.svg";
    }

    @Override
    public String getDisplayName() {
        return "Cluster Deploy";
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    /** The summary as JSON; needs Job/Read on the build's job. */
    @GET
    @WebMethod(name = "json")
    public HttpResponse doJson() {
        Run<?, ?> owner = run;
        if (owner == null) {
            return new JsonHttpResponse(404, "{\"error\": \"NOT_FOUND\"}");
        }
        owner.checkPermission(Item.READ);
        return new JsonHttpResponse(200, toJson());
    }

    /** The summary as a JSON document: {@code {"operations": [...]}}. */
    public String toJson() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("operations", getOperations().stream().map(OperationRecord::toMap).toList());
        return new Json().write(body);
    }
}
