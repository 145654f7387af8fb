package io.jenkins.plugins.clusterdeploy.steps;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.clusterdeploy.progress.PlanReport;
import io.jenkins.plugins.clusterdeploy.runtime.ClusterDeployRuntime;
import io.jenkins.plugins.clusterdeploy.runtime.EngineService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * {@code dryRun: true}: the plan of the step's operation, made by the engine's planner from the same request the run
 * would send (the same account rules, the same checks, no change in any cloud), written to the build log and
 * returned. It ends within {@link #start()}: planning reads the cloud through the providers' caches and waits for
 * nothing, as core's synchronous steps end in start.
 */
final class PlanStepExecution extends StepExecution {
    private static final long serialVersionUID = 1L;

    private final String functionName;
    private final LinkedHashMap<String, Object> request;
    private final List<String> accounts;
    private final transient ClusterDeployRuntime runtime;

    PlanStepExecution(StepContext context, String functionName, Map<String, Object> request, List<String> accounts,
                      ClusterDeployRuntime runtime) {
        super(context);
        this.functionName = functionName;
        this.request = new LinkedHashMap<>(request);
        this.accounts = List.copyOf(accounts);
        this.runtime = runtime;
    }

    @Override
    public boolean start() throws Exception {
        ClusterDeployRuntime rt = runtime != null ? runtime : EngineService.get();
        Run<?, ?> run = getContext().get(Run.class);
        TaskListener listener = getContext().get(TaskListener.class);
        Map<String, Object> result = PlanReport.dryRun(rt, run.getParent(), accounts, functionName, request,
                listener.getLogger());
        getContext().onSuccess(result);
        return true;
    }
}
