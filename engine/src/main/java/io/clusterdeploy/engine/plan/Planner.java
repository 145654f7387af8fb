package io.clusterdeploy.engine.plan;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.guard.GuardVerdict;
import io.clusterdeploy.engine.guard.GuardedCloudProvider;
import io.clusterdeploy.engine.guard.TrafficGuards;
import io.clusterdeploy.engine.operation.ErrorInfo;
import io.clusterdeploy.engine.operation.Operation;
import io.clusterdeploy.engine.operation.OperationContext;
import io.clusterdeploy.engine.operation.OperationParser;
import io.clusterdeploy.engine.operation.OperationStep;
import io.clusterdeploy.engine.operation.Phase;
import io.clusterdeploy.engine.provider.Accounts;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plans operations without acting: the request is parsed and preflighted as for a run, then the operation's
 * own steps run, in order, against a {@link PlanningProvider} behind the same traffic guards, with a planning
 * {@link OperationContext}. So a plan cannot drift from what the operation does: it is what the operation's
 * code does, on a copy of the cloud. A step that would fail ends the main phase, and the rollback steps are
 * planned after it, as the runner would run them.
 */
public final class Planner {
    private final Accounts accounts;
    private final TrafficGuards guards;
    private final OperationParser parser;
    private final Clock clock;

    /** @param accounts the providers as they are, not yet behind the guards (the planner puts its copy there) */
    public Planner(Accounts accounts, TrafficGuards guards, OperationParser parser, Clock clock) {
        this.accounts = accounts;
        this.guards = guards;
        this.parser = parser;
        this.clock = clock;
    }

    /**
     * The plan of {@code request}. Bad input throws as {@code start} would; a traffic guard that refuses the
     * operation before it starts makes a REFUSED plan.
     */
    public Plan plan(Map<String, Object> request) {
        Operation op = parser.parse(request);
        Recorder recorder = new Recorder();
        PlanningProvider copy = new PlanningProvider(accounts.get(op.target().account()), recorder::action);
        GuardedCloudProvider guarded = new GuardedCloudProvider(copy, guards, recorder::verdict);
        try {
            op.preflight(guarded);
        } catch (ClusterDeployException e) {
            if (e.kind() != ErrorKind.CONFLICT) {
                throw e;
            }
            return new Plan(op.type(), op.target(), Plan.Outcome.REFUSED, ErrorInfo.of(e), List.of(),
                    copy.fingerprint());
        }
        OperationContext ctx = OperationContext.forPlanning("plan", guarded, clock, recorder);
        List<PlannedStep> steps = new ArrayList<>();
        Throwable failure = run(op.steps(), Phase.MAIN, ctx, recorder, steps);
        if (failure == null) {
            return new Plan(op.type(), op.target(), Plan.Outcome.SUCCEEDS, null, steps, copy.fingerprint());
        }
        run(op.rollbackSteps(), Phase.ROLLBACK, ctx, recorder, steps);
        return new Plan(op.type(), op.target(), Plan.Outcome.FAILS, ErrorInfo.of(failure), steps, copy.fingerprint());
    }

    /** Runs a phase's steps on the copy; returns the failure that ends it, or null. */
    private static Throwable run(List<OperationStep> phase, Phase which, OperationContext ctx, Recorder recorder,
                                 List<PlannedStep> out) {
        for (OperationStep step : phase) {
            recorder.begin();
            try {
                String message = step.run(ctx);
                out.add(recorder.end(step.name(), which, message, false));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while planning", e);
            } catch (RuntimeException e) {
                out.add(recorder.end(step.name(), which, e.getMessage(), true));
                return e;
            }
        }
        return null;
    }

    /** Collects what the current step does on the copy. Planning is single-threaded. */
    private static final class Recorder implements OperationContext.PlanListener {
        private List<PlannedAction> actions = new ArrayList<>();
        private List<PlanCheck> checks = new ArrayList<>();

        void begin() {
            actions = new ArrayList<>();
            checks = new ArrayList<>();
        }

        PlannedStep end(String name, Phase phase, String message, boolean fails) {
            return new PlannedStep(name, phase, actions, checks, message, fails);
        }

        void action(PlannedAction action) {
            actions.add(action);
        }

        void verdict(GuardVerdict v) {
            checks.add(new PlanCheck(PlanCheck.Kind.TRAFFIC_GUARD, "traffic guard " + v.guard() + ": " + v.change()
                    + " leaves " + v.after() + " of " + v.before() + " enabled, up instances",
                    v.allowed() ? PlanCheck.Verdict.PASSES : PlanCheck.Verdict.FAILS));
        }

        @Override
        public void waitsFor(String condition, Duration timeout) {
            checks.add(new PlanCheck(PlanCheck.Kind.WAIT, "waits up to " + timeout.toSeconds() + "s until: " + condition,
                    PlanCheck.Verdict.AT_RUN_TIME));
        }

        @Override
        public void delays(Duration duration) {
            checks.add(new PlanCheck(PlanCheck.Kind.DELAY, "waits " + duration.toSeconds() + "s",
                    PlanCheck.Verdict.PASSES));
        }

        @Override
        public void requires(String condition, boolean holds) {
            checks.add(new PlanCheck(PlanCheck.Kind.HEALTH, condition,
                    holds ? PlanCheck.Verdict.PASSES : PlanCheck.Verdict.FAILS));
        }

        @Override
        public void calls(String what) {
            checks.add(new PlanCheck(PlanCheck.Kind.CALL, what, PlanCheck.Verdict.AT_RUN_TIME));
        }
    }
}
