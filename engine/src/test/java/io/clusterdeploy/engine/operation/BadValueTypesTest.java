package io.clusterdeploy.engine.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.json.Json;
import io.clusterdeploy.engine.testing.EngineHarness;
import io.clusterdeploy.engine.testing.FakeCloudProvider;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Classes of bad values, each refused before anything is stored or changed, naming the field and quoting the
 * value as sent: numbers a field cannot hold exactly, values of the wrong JSON type, names made of dots,
 * requests that could not be read back once stored.
 */
class BadValueTypesTest {
    private final FakeCloudProvider cloud = new FakeCloudProvider("test");
    private final EngineHarness engine = new EngineHarness(cloud);
    private static final BigInteger TWO_TO_64 = BigInteger.TWO.pow(64);

    @AfterEach
    void close() {
        engine.close();
    }

    private static Arguments bad(String what, String field, String quoted, Consumer<Map<String, Object>> change) {
        return Arguments.of(what, field, quoted, change);
    }

    private static Map<String, Object> capacity(Object min, Object desired, Object max) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("min", min);
        c.put("desired", desired);
        c.put("max", max);
        return c;
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                // Numbers that do not fit: never wrapped to something that does.
                bad("2^64 capacity", "capacity.desired", TWO_TO_64.toString(),
                        r -> r.put("capacity", capacity(0, TWO_TO_64, 1))),
                bad("2^32 + 50 percentage", "targetHealthyDeployPercentage", "4294967346",
                        r -> r.put("targetHealthyDeployPercentage", 4_294_967_346L)),
                bad("2^32 + 50 target percentage", "targetPercentages[0]", "4294967346", r -> {
                    r.put("strategy", "rollingredblack");
                    r.put("targetPercentages", List.of(4_294_967_346L));
                }),
                bad("huge exponent", "maxRemainingAsgs", "1E+400",
                        r -> r.put("maxRemainingAsgs", new BigDecimal("1e400"))),
                bad("negative 2^64", "delayBeforeDisableSec", "-" + TWO_TO_64,
                        r -> r.put("delayBeforeDisableSec", TWO_TO_64.negate())),
                // Fractions where a whole number is meant: never rounded.
                bad("fractional capacity", "capacity.min", "0.5",
                        r -> r.put("capacity", capacity(new BigDecimal("0.5"), 1, 1))),
                bad("fractional target percentage", "targetPercentages[1]", "50.5", r -> {
                    r.put("strategy", "rollingredblack");
                    r.put("targetPercentages", List.of(10, new BigDecimal("50.5")));
                }),
                bad("fractional double", "deployTimeoutSec", "2.5", r -> r.put("deployTimeoutSec", 2.5)),
                bad("not a number", "deployTimeoutSec", "NaN", r -> r.put("deployTimeoutSec", Double.NaN)),
                // Wrong JSON types: a string field takes only a string, a number field only a number.
                bad("number as application", "application", "123", r -> r.put("application", 123)),
                bad("boolean as application", "application", "true", r -> r.put("application", true)),
                bad("exponent as stack", "stack", "1.5E+3", r -> r.put("stack", new BigDecimal("1.5e3"))),
                bad("list as strategy", "strategy", "a list", r -> r.put("strategy", List.of("redblack"))),
                bad("string as number", "maxRemainingAsgs", "\"2\"", r -> r.put("maxRemainingAsgs", "2")),
                bad("string as boolean", "failIfBusy", "\"true\"", r -> r.put("failIfBusy", "true")),
                bad("number as boolean", "scaleDown", "1", r -> r.put("scaleDown", 1)),
                bad("string as capacity", "capacity", "\"1\"", r -> r.put("capacity", "1")),
                bad("number in a list of names", "loadBalancers[0]", null, r -> r.put("loadBalancers", List.of(7))),
                // Names made only of dots cannot be addressed in a URL.
                bad("application ..", "application", "..", r -> r.put("application", "..")),
                bad("application .", "application", ".", r -> r.put("application", ".")),
                bad("stack ...", "stack", "...", r -> r.put("stack", "...")),
                bad("detail ..", "freeFormDetails", "..", r -> r.put("freeFormDetails", "..")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void isRefusedNamingTheFieldAndQuotingTheValue(String what, String field, String quoted,
                                                   Consumer<Map<String, Object>> change) {
        Map<String, Object> r = BadInputTest.valid();
        change.accept(r);
        assertThatThrownBy(() -> engine.runner.start(r))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
                    assertThat(e.field()).isEqualTo(field);
                    if (quoted != null) {
                        assertThat(e.getMessage()).contains(quoted);
                    }
                });
        assertThat(cloud.mutations()).isEmpty();
        assertThat(engine.store.list()).isEmpty();
    }

    @Test
    void wholeNumbersWrittenWithAFractionOrExponentAreTakenAtTheirExactValue() throws Exception {
        Map<String, Object> r = BadInputTest.valid();
        r.put("capacity", capacity(new BigDecimal("1.0"), new BigDecimal("2e0"), new BigDecimal("0.3e1")));
        OperationState s = engine.run(r);
        assertThat(s.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(cloud.serverGroup("fake-1", "hello-prod-v000").orElseThrow().capacity())
                .isEqualTo(new io.clusterdeploy.engine.model.Capacity(1, 2, 3));
    }

    @Test
    void aKeyGivenTwiceInOneObjectIsRefused() {
        Json json = new Json();
        assertThatThrownBy(() -> json.readObject("{\"type\": \"deploy\", \"account\": \"test\", \"account\": \"prod\"}"))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                    assertThat(e.field()).isEqualTo("body");
                    assertThat(e.getMessage()).contains("account");
                });
        assertThatThrownBy(() -> json.readObject("{\"capacity\": {\"min\": 1, \"min\": 2}}"))
                .isInstanceOf(ClusterDeployException.class);
    }

    @Test
    void aBodyNestedBeyondTheLimitIsRefusedAsTooDeep() {
        String deep = "{\"a\":".repeat(Json.MAX_REQUEST_DEPTH + 1) + "1" + "}".repeat(Json.MAX_REQUEST_DEPTH + 1);
        assertThatThrownBy(() -> new Json().readObject(deep))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                    assertThat(e.field()).isEqualTo("body");
                    assertThat(e.getMessage()).contains("nested more than " + Json.MAX_REQUEST_DEPTH);
                });
        String fits = "{\"a\":".repeat(Json.MAX_REQUEST_DEPTH) + "1" + "}".repeat(Json.MAX_REQUEST_DEPTH);
        assertThat(new Json().readObject(fits)).containsKey("a");
    }

    @Test
    void aRequestThatCouldNotBeReadBackOnceStoredIsRefusedAndNothingIsStored() {
        // Built in code (as a Jenkins step builds its map), so no parser limit stopped it on the way in.
        Map<String, Object> nested = new HashMap<>();
        Map<String, Object> inner = nested;
        for (int i = 0; i < 600; i++) {
            Map<String, Object> next = new HashMap<>();
            inner.put("x", next);
            inner = next;
        }
        Map<String, Object> r = BadInputTest.valid();
        r.put("validation", nested);
        r.put("strategy", "rollingredblack");
        assertThatThrownBy(() -> engine.runner.start(r))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> assertThat(e.field()).isEqualTo("body"));
        assertThat(engine.store.list()).isEmpty();
        assertThat(cloud.mutations()).isEmpty();
    }

    @Test
    void aRequestBuiltInCodeNestsNoDeeperThanOneSentAsJson() {
        Map<String, Object> nested = new HashMap<>();
        Map<String, Object> inner = nested;
        for (int i = 0; i < Json.MAX_REQUEST_DEPTH; i++) {
            Map<String, Object> next = new HashMap<>();
            inner.put("x", next);
            inner = next;
        }
        Map<String, Object> r = BadInputTest.valid();
        r.put("strategy", "rollingredblack");
        r.put("validation", nested);
        assertThat(Json.depth(r)).isGreaterThan(Json.MAX_REQUEST_DEPTH);
        assertThatThrownBy(() -> engine.runner.start(r))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> assertThat(e.field()).isEqualTo("body"));
        assertThat(engine.store.list()).isEmpty();
    }
}
