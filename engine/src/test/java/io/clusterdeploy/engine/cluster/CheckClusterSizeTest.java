package io.clusterdeploy.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.operation.OperationStatus;
import io.clusterdeploy.engine.testing.EngineHarness;
import io.clusterdeploy.engine.testing.FakeCloudProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** checkClusterSize: each comparison just below, at and just above its boundary, and which groups count. */
class CheckClusterSizeTest {
    private final FakeCloudProvider cloud = new FakeCloudProvider("test");
    private final EngineHarness engine = new EngineHarness(cloud);

    @AfterEach
    void close() {
        engine.close();
    }

    /** Three groups, two of them enabled; another cluster of the same application that must not count. */
    @BeforeEach
    void cluster() {
        cloud.seed("hello-v000", Capacity.fixed(1), false, "v1");
        cloud.seed("hello-v001", Capacity.fixed(1), true, "v2");
        cloud.seed("hello-v002", Capacity.fixed(1), true, "v3");
        cloud.seed("hello-other-v000", Capacity.fixed(1), true, "v1");
    }

    private OperationState check(int expected, String comparison, boolean onlyEnabled) throws Exception {
        return engine.run(Map.of("type", "checkClusterSize", "account", "test", "cluster", "hello",
                "expected", expected, "comparison", comparison, "onlyEnabledServerGroups", onlyEnabled));
    }

    /**
     * The cluster has 3 groups: every comparison against 2, 3 and 4. In a fixed order: PIT maps each invocation
     * by its index to the lines it covers, so the order must be the same in every JVM (Map.of's is not).
     */
    static Stream<Arguments> verdicts() {
        Object[][] holds = {
            {"==", new boolean[] {false, true, false}},
            {"!=", new boolean[] {true, false, true}},
            {"<", new boolean[] {false, false, true}},
            {"<=", new boolean[] {false, true, true}},
            {">", new boolean[] {true, false, false}},
            {">=", new boolean[] {true, true, false}},
        };
        List<Arguments> out = new ArrayList<>();
        for (Object[] row : holds) {
            boolean[] verdict = (boolean[]) row[1];
            for (int i = 0; i < 3; i++) {
                out.add(Arguments.of(row[0], 2 + i, verdict[i]));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "3 {0} {1} holds: {2}")
    @MethodSource("verdicts")
    void eachComparisonPassesOrFailsAtItsBoundary(String comparison, int expected, boolean holds) throws Exception {
        OperationState s = check(expected, comparison, false);

        assertThat(((Number) s.context().get("actual")).longValue()).isEqualTo(3);
        if (holds) {
            assertThat(s.status()).isEqualTo(OperationStatus.SUCCEEDED);
            assertThat(s.error()).isNull();
            // The timeline says what the check found (the wording is not checked).
            assertThat(s.steps()).singleElement().satisfies(step -> assertThat(step.message()).isNotBlank());
        } else {
            assertThat(s.status()).isEqualTo(OperationStatus.FAILED);
            assertThat(s.error().kind()).isEqualTo("CONFLICT");
            assertThat(s.error().field()).isEqualTo("expected");
        }
        assertThat(cloud.mutations()).isEmpty();
    }

    @Test
    void onlyEnabledServerGroupsCountsTheEnabledOnes() throws Exception {
        OperationState enabled = check(2, "==", true);
        assertThat(enabled.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(((Number) enabled.context().get("actual")).longValue()).isEqualTo(2);

        OperationState all = check(2, "==", false);
        assertThat(all.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(((Number) all.context().get("actual")).longValue()).isEqualTo(3);
    }

    @Test
    void anEmptyClusterHasNoGroups() throws Exception {
        OperationState s = engine.run(Map.of("type", "checkClusterSize", "account", "test", "cluster", "nothing",
                "expected", 0));
        assertThat(s.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(((Number) s.context().get("actual")).longValue()).isZero();
    }
}
