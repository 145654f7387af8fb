package io.jenkins.plugins.clusterdeploy.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.deploy.ValidationHook;
import io.clusterdeploy.engine.error.ClusterDeployException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Where the engine's operation thread meets the step's body. */
class BodyValidationsTest {
    private final List<String> started = new CopyOnWriteArrayList<>();

    @Test
    void aPercentageIsRunOnceAndItsResultAwaited() throws Exception {
        BodyValidations v = new BodyValidations(Duration.ofSeconds(5));
        v.attach("t", "op", (op, sg, pct) -> {
            started.add(op + "/" + sg + "/" + pct);
            new Thread(() -> v.finished("t", pct, null)).start();
        });
        ValidationHook hook = new BodyValidationHooks(v).resolve("validation", Map.of("body", "t"));
        hook.validate("op", "hello-v001", 50);
        hook.validate("op", "hello-v001", 50); // a resumed step asks again: the body does not run twice
        hook.validate("op", "hello-v001", 100);
        assertThat(started).containsExactly("op/hello-v001/50", "op/hello-v001/100");
    }

    @Test
    void aFailedBodyFailsTheHookWithItsMessage() {
        BodyValidations v = new BodyValidations(Duration.ofSeconds(5));
        v.attach("t", "op", (op, sg, pct) -> v.finished("t", pct, new IllegalStateException("smoke test failed")));
        ValidationHook hook = new BodyValidationHooks(v).resolve("validation", Map.of("body", "t"));
        assertThatThrownBy(() -> hook.validate("op", "g", 50)).hasMessage("the validation body failed: smoke test failed");
    }

    @Test
    void aBodyStillRunningAcrossARestartIsAwaitedNotStartedAgain() throws Exception {
        BodyValidations v = new BodyValidations(Duration.ofSeconds(5));
        v.expect("t", 50);
        v.attach("t", "op", (op, sg, pct) -> started.add("started " + pct));
        ValidationHook hook = new BodyValidationHooks(v).resolve("validation", Map.of("body", "t"));
        Thread report = new Thread(() -> {
            sleep(200);
            v.finished("t", 50, null);
        });
        report.start();
        hook.validate("op", "g", 50);
        assertThat(started).isEmpty();
    }

    @Test
    void withoutAnAttachedStepTheHookGivesUpAfterTheTimeout() {
        BodyValidations v = new BodyValidations(Duration.ofMillis(100));
        ValidationHook hook = new BodyValidationHooks(v).resolve("validation", Map.of("body", "nobody"));
        assertThatThrownBy(() -> hook.validate("op", "g", 50)).hasMessageContaining("no Pipeline step is attached");
    }

    @Test
    void releasingTheGateFailsWhatWaits() throws Exception {
        BodyValidations v = new BodyValidations(Duration.ofSeconds(5));
        v.attach("t", "op", (op, sg, pct) -> started.add("started"));
        ValidationHook hook = new BodyValidationHooks(v).resolve("validation", Map.of("body", "t"));
        Thread stopper = new Thread(() -> {
            sleep(200);
            v.release("t", new InterruptedException("build aborted"));
        });
        stopper.start();
        assertThatThrownBy(() -> hook.validate("op", "g", 50)).hasMessageContaining("build aborted");
    }

    @Test
    void anotherOperationCannotRunTheBodyWithItsToken() {
        BodyValidations v = new BodyValidations(Duration.ofSeconds(5));
        v.attach("t", null, (op, sg, pct) -> started.add(op));
        v.bind("t", "victim");
        ValidationHook borrowed = new BodyValidationHooks(v).resolve("validation", Map.of("body", "t"));
        assertThatThrownBy(() -> borrowed.validate("intruder", "g", 50)).isInstanceOf(ClusterDeployException.class)
                .hasMessageContaining("belongs to another operation");
        assertThat(started).isEmpty();
    }

    @Test
    void onlyBodyTokensAreUnderstood() {
        BodyValidationHooks hooks = new BodyValidationHooks(new BodyValidations(Duration.ofSeconds(1)));
        assertThatThrownBy(() -> hooks.resolve("validation", Map.of("url", "http://x")))
                .isInstanceOf(ClusterDeployException.class).hasMessageContaining("validation.url")
                .hasMessageContaining("deployServerGroupWithValidation");
        assertThatThrownBy(() -> hooks.resolve("validation", Map.of("body", "t", "x", 1)))
                .hasMessageContaining("unknown field 'validation.x'");
        assertThatThrownBy(() -> hooks.resolve("validation", Map.of())).hasMessageContaining("validation.body is required");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
