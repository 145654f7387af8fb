package io.clusterdeploy.engine.operation;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.catalog.OperationCatalog;
import io.clusterdeploy.engine.guard.TrafficGuards;
import io.clusterdeploy.engine.plan.Plan;
import io.clusterdeploy.engine.plan.PlanCheck;
import io.clusterdeploy.engine.plan.PlannedAction;
import io.clusterdeploy.engine.plan.Planner;
import io.clusterdeploy.engine.provider.Accounts;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every strategy and operation of the crash matrix, the plan made before the run lists exactly the cloud
 * changes the run then makes, in order, and planning itself changes nothing: the plan comes from the same
 * steps. Scenarios whose failure only the run can know (instances that never come up, a hook that says no) plan
 * as succeeding, with those conditions left to run time.
 */
class PlanMatchesRunTest {

    static Stream<CrashMatrixTest.Scenario> scenarios() {
        return CrashMatrixTest.scenarios();
    }

    /** The fake cloud's own record of a change, for comparison with the plan's. */
    private static String asMutation(PlannedAction a) {
        return switch (a.kind()) {
            case CREATE -> "create " + a.target();
            case RESIZE -> "resize " + a.target() + " " + a.to().desired();
            case ENABLE -> "enable " + a.target();
            case DISABLE -> "disable " + a.target() + (a.percentage() == 100 ? "" : " " + a.percentage() + "%");
            case DESTROY -> "destroy " + a.target();
            case UPSERT_LOAD_BALANCER -> "upsertLoadBalancer " + a.target();
            case WEIGH_TRAFFIC -> "weigh " + a.target() + " " + a.percentage();
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void thePlanListsWhatTheRunDoes(CrashMatrixTest.Scenario scenario) throws Exception {
        CrashMatrixTest.World w = CrashMatrixTest.prepared(scenario);
        Planner planner = new Planner(new Accounts(List.of(w.cloud)), TrafficGuards.none(),
                w.catalog(),
                Clock.systemUTC());
        int before = w.cloud.mutations().size();

        Plan plan = planner.plan(new java.util.HashMap<>(scenario.operation()));
        assertThat(w.cloud.mutations()).as("planning changes nothing").hasSize(before);
        assertThat(plan.outcome()).isEqualTo(Plan.Outcome.SUCCEEDS);

        OperationState end;
        try (OperationRunner r = w.runner()) {
            end = w.runToEnd(r, scenario.operation());
        }
        List<String> done = w.cloud.mutations().subList(before, w.cloud.mutations().size());
        if (end.status() == OperationStatus.SUCCEEDED) {
            assertThat(plan.actions().stream().map(PlanMatchesRunTest::asMutation).toList()).isEqualTo(done);
            assertThat(plan.steps()).extracting(s -> s.name())
                    .isEqualTo(end.steps().stream().map(StepRecord::name).toList());
        } else {
            // The run failed on something a plan leaves to run time; the plan says so.
            assertThat(plan.steps()).flatExtracting(s -> s.checks()).extracting(PlanCheck::verdict)
                    .contains(PlanCheck.Verdict.AT_RUN_TIME);
        }
        assertThat(plan.fingerprint()).hasSize(16);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theSameStateGivesTheSameFingerprint(CrashMatrixTest.Scenario scenario) throws Exception {
        CrashMatrixTest.World w = CrashMatrixTest.prepared(scenario);
        Planner planner = new Planner(new Accounts(List.of(w.cloud)), TrafficGuards.none(),
                w.catalog(),
                Clock.systemUTC());
        String first = planner.plan(new java.util.HashMap<>(scenario.operation())).fingerprint();
        assertThat(planner.plan(new java.util.HashMap<>(scenario.operation())).fingerprint()).isEqualTo(first);
        try (OperationRunner r = w.runner()) {
            OperationState s = r.start(new java.util.HashMap<>(CrashMatrixTest.scenarios().findFirst().orElseThrow()
                    .operation()));
            r.awaitFinished(s.id(), Duration.ofSeconds(60));
        }
        assertThat(planner.plan(new java.util.HashMap<>(scenario.operation())).fingerprint())
                .as("a deploy changed the cluster").isNotEqualTo(first);
    }
}
