package io.jenkins.plugins.clusterdeploy.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.operation.ErrorInfo;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.operation.OperationStatus;
import io.clusterdeploy.engine.operation.OperationTarget;
import io.clusterdeploy.engine.operation.Phase;
import io.clusterdeploy.engine.operation.StepRecord;
import io.clusterdeploy.engine.operation.StepStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How an operation's timeline reaches the build log, and what a finished one returns or fails with. */
class OperationLogAndResultsTest {
    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");

    private static final OperationTarget TARGET = new OperationTarget("local", "local", "hello", "hello-prod");

    private static OperationState state(OperationStatus status, Phase phase, List<StepRecord> steps,
                                        Map<String, Object> context, ErrorInfo error) {
        return new OperationState("op-1", "deploy", TARGET, false, Map.of("account", "local"), status, phase, 0, steps,
                context, error, false, null, T0, T0.plusSeconds(9));
    }

    private static String write(OperationState s, LogCursor cursor) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OperationLog.write(s, cursor, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void eachStartAndEndIsWrittenOnceWithTheEnginesTimes() {
        LogCursor cursor = new LogCursor();
        StepRecord created = new StepRecord("createServerGroup", Phase.MAIN, StepStatus.SUCCEEDED, T0, T0.plusMillis(1500),
                "created hello-prod-v001");
        StepRecord waiting = new StepRecord("waitForHealthy", Phase.MAIN, StepStatus.RUNNING, T0.plusMillis(1500), null, null);

        String first = write(state(OperationStatus.RUNNING, Phase.MAIN, List.of(created, waiting), Map.of(), null), cursor);
        assertThat(first).isEqualTo("[2026-11-27T12:00:00Z] createServerGroup: started\n"
                + "[2026-11-27T12:00:01.500Z] createServerGroup: SUCCEEDED in 1.5s - created hello-prod-v001\n"
                + "[2026-11-27T12:00:01.500Z] waitForHealthy: started\n");
        assertThat(write(state(OperationStatus.RUNNING, Phase.MAIN, List.of(created, waiting), Map.of(), null), cursor))
                .isEmpty();

        StepRecord healthy = new StepRecord("waitForHealthy", Phase.MAIN, StepStatus.FAILED, T0.plusMillis(1500),
                T0.plusSeconds(7), "timed out");
        StepRecord restore = new StepRecord("restorePrevious", Phase.ROLLBACK, StepStatus.SUCCEEDED, T0.plusSeconds(7),
                T0.plusSeconds(8), "enabled hello-prod-v000");
        String last = write(state(OperationStatus.FAILED, Phase.ROLLBACK, List.of(created, healthy, restore), Map.of(),
                new ErrorInfo("CONFLICT", null, "timed out")), cursor);
        assertThat(last).isEqualTo("[2026-11-27T12:00:07Z] waitForHealthy: FAILED in 5.5s - timed out\n"
                + "[2026-11-27T12:00:07Z] rolling back after: timed out\n"
                + "[2026-11-27T12:00:07Z] rollback restorePrevious: started\n"
                + "[2026-11-27T12:00:08Z] rollback restorePrevious: SUCCEEDED in 1.0s - enabled hello-prod-v000\n"
                + "[2026-11-27T12:00:09Z] deploy op-1: FAILED - timed out\n");
        assertThat(cursor.isFinishLogged()).isTrue();
    }

    @Test
    void deployResultNamesTheGroupsByWhatHappenedToThem() {
        Map<String, Object> context = Map.of("newServerGroup", "hello-prod-v002",
                "previousServerGroups", List.of(Map.of("name", "hello-prod-v001", "enabled", true),
                        Map.of("name", "hello-prod-v000", "enabled", false)),
                "disabledServerGroups", List.of("hello-prod-v001"),
                "destroyedServerGroups", List.of("hello-prod-v000"), "capacity", Map.of("min", 1));
        Map<String, Object> result = OperationResults.resultMap(state(OperationStatus.SUCCEEDED, Phase.MAIN, List.of(),
                context, null));
        assertThat(result).containsExactly(Map.entry("operationId", "op-1"), Map.entry("status", "SUCCEEDED"),
                Map.entry("newServerGroup", "hello-prod-v002"),
                Map.entry("previousServerGroups", List.of("hello-prod-v001", "hello-prod-v000")),
                Map.entry("disabledServerGroups", List.of("hello-prod-v001")),
                Map.entry("destroyedServerGroups", List.of("hello-prod-v000")),
                Map.entry("scaledDownServerGroups", List.of()));
    }

    @Test
    void findImageReturnsTheImage() {
        OperationState s = new OperationState("op-2", "findImageFromCluster", TARGET, false, Map.of(),
                OperationStatus.SUCCEEDED, Phase.MAIN, 1, List.of(), Map.of("image", "java -jar app-2.jar", "serverGroupName", "hello-v003"), null,
                false, null, T0, T0);
        assertThat(OperationResults.stepResult(s)).isEqualTo("java -jar app-2.jar");
        assertThat(OperationResults.resultMap(s)).containsEntry("serverGroupName", "hello-v003");
    }

    @Test
    void failuresNameTheParameterAndCancelsSaySo() {
        OperationState failed = state(OperationStatus.FAILED, Phase.MAIN, List.of(), Map.of(),
                new ErrorInfo("INVALID_INPUT", "spec.command", "spec.command is required"));
        assertThat(OperationResults.failure("deployServerGroup", failed)).isEqualTo(
                "deployServerGroup failed (operation op-1): spec.command is required [parameter: spec.command]");
        OperationState cancelled = state(OperationStatus.CANCELLED, Phase.ROLLBACK, List.of(), Map.of(),
                new ErrorInfo("CANCELLED", null, "cancelled on request"));
        assertThat(OperationResults.failure("deployServerGroup", cancelled))
                .isEqualTo("deployServerGroup: operation op-1 was cancelled: cancelled on request");
        assertThat(StartErrors.message("resizeServerGroup", io.clusterdeploy.engine.error.ClusterDeployException
                .invalid("capacity.min", "capacity.min must be between 0 and 100000, was -1")))
                .isEqualTo("resizeServerGroup: invalid parameter 'capacity.min': capacity.min must be between 0 and"
                        + " 100000, was -1");
    }

    @Test
    void requestMapsHoldPlainValuesOnly() {
        RequestMap r = new RequestMap().put("a", null).put("b", new StringBuilder("x")).put("c", 3_000_000_000L)
                .put("d", new Object[] {1, "two"}).putObject("e", new RequestMap()).putObject("f", new RequestMap().put("g", true));
        assertThat(r.build()).containsExactly(Map.entry("b", "x"), Map.entry("c", 3_000_000_000L),
                Map.entry("d", List.of(1, "two")), Map.entry("f", Map.of("g", true)));
    }
}
