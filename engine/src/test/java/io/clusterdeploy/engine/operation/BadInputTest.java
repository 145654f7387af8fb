package io.clusterdeploy.engine.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.testing.EngineHarness;
import io.clusterdeploy.engine.testing.FakeCloudProvider;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad request is refused before anything runs, naming the field, and changes nothing. */
class BadInputTest {
    private final FakeCloudProvider cloud = new FakeCloudProvider("test");
    private final EngineHarness engine = new EngineHarness(cloud);

    @AfterEach
    void close() {
        engine.close();
    }

    static Map<String, Object> valid() {
        Map<String, Object> r = new HashMap<>();
        r.put("type", "deploy");
        r.put("account", "test");
        r.put("application", "hello");
        r.put("stack", "prod");
        r.put("strategy", "redblack");
        r.put("capacity", Map.of("min", 1, "desired", 1, "max", 1));
        r.put("spec", Map.of("version", "v1"));
        return r;
    }

    static Stream<Arguments> badDeploys() {
        return Stream.of(
                bad("invalid application", ErrorKind.INVALID_INPUT, "application", r -> r.put("application", "hel lo")),
                bad("missing application", ErrorKind.INVALID_INPUT, "application", r -> r.remove("application")),
                bad("reserved stack", ErrorKind.INVALID_INPUT, "stack", r -> r.put("stack", "v001")),
                bad("labeled variable detail", ErrorKind.INVALID_INPUT, "freeFormDetails", r -> r.put("freeFormDetails", "c0us")),
                bad("min > max", ErrorKind.INVALID_INPUT, "capacity.min",
                        r -> r.put("capacity", Map.of("min", 3, "desired", 3, "max", 2))),
                bad("negative desired", ErrorKind.INVALID_INPUT, "capacity.desired",
                        r -> r.put("capacity", Map.of("min", 0, "desired", -1, "max", 2))),
                bad("missing capacity", ErrorKind.INVALID_INPUT, "capacity", r -> r.remove("capacity")),
                bad("unknown account", ErrorKind.NOT_FOUND, "account", r -> r.put("account", "prod")),
                bad("unknown location", ErrorKind.INVALID_INPUT, "location", r -> r.put("location", "mars")),
                bad("unknown strategy", ErrorKind.INVALID_INPUT, "strategy", r -> r.put("strategy", "blue")),
                bad("unknown field", ErrorKind.INVALID_INPUT, "maxRemainingASGs", r -> r.put("maxRemainingASGs", 2)),
                bad("percentage out of range", ErrorKind.INVALID_INPUT, "targetHealthyDeployPercentage",
                        r -> r.put("targetHealthyDeployPercentage", 0)),
                bad("unknown rollback field", ErrorKind.INVALID_INPUT, "rollback.onFailur",
                        r -> r.put("rollback", Map.of("onFailur", true))),
                bad("provider spec rejected", ErrorKind.INVALID_INPUT, "spec.version", r -> r.put("spec", Map.of())),
                bad("useSourceCapacity without a source", ErrorKind.INVALID_INPUT, "capacity", r -> {
                    r.remove("capacity");
                    r.put("useSourceCapacity", true);
                }),
                bad("unknown type", ErrorKind.INVALID_INPUT, "type", r -> r.put("type", "explode")));
    }

    private static Arguments bad(String what, ErrorKind kind, String field, Consumer<Map<String, Object>> change) {
        return Arguments.of(what, kind, field, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDeploys")
    void badDeployIsRefusedNamingTheFieldAndChangesNothing(String what, ErrorKind kind, String field,
                                                          Consumer<Map<String, Object>> change) {
        Map<String, Object> r = valid();
        change.accept(r);
        assertThatThrownBy(() -> engine.runner.start(r))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                    assertThat(e.kind()).isEqualTo(kind);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).isNotBlank();
                });
        assertThat(cloud.mutations()).isEmpty();
        assertThat(engine.store.list()).isEmpty();
    }

    static Stream<Arguments> badServerGroupOperations() {
        return Stream.of(
                Arguments.of(Map.of("type", "resize", "account", "test", "serverGroupName", "hello-prod-v000",
                        "capacity", Map.of("min", 1, "desired", 1, "max", 1)), ErrorKind.NOT_FOUND, "serverGroupName"),
                Arguments.of(Map.of("type", "enable", "account", "test", "serverGroupName", "bad name"),
                        ErrorKind.INVALID_INPUT, "serverGroupName"),
                Arguments.of(Map.of("type", "disable", "account", "test", "serverGroupName", "hello-prod-v000",
                        "desiredPercentage", 101), ErrorKind.INVALID_INPUT, "desiredPercentage"),
                Arguments.of(Map.of("type", "destroy", "account", "test"), ErrorKind.INVALID_INPUT, "serverGroupName"),
                Arguments.of(Map.of("type", "upsertLoadBalancer", "account", "test", "name", "hello-v001"),
                        ErrorKind.INVALID_INPUT, "name"));
    }

    @ParameterizedTest
    @MethodSource("badServerGroupOperations")
    void badServerGroupOperationIsRefused(Map<String, Object> request, ErrorKind kind, String field) {
        assertThatThrownBy(() -> engine.runner.start(request))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                    assertThat(e.kind()).isEqualTo(kind);
                    assertThat(e.field()).isEqualTo(field);
                });
        assertThat(cloud.mutations()).isEmpty();
    }
}
