package io.clusterdeploy.provider.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.HealthState;
import io.clusterdeploy.engine.model.Instance;
import io.clusterdeploy.engine.provider.CreateServerGroupRequest;
import io.clusterdeploy.engine.provider.UpsertLoadBalancerRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input is refused with an error naming the field, and changes nothing: no group, no process. */
class ValidationTest {
    @TempDir
    Path stateDir;
    private ProviderFixture fx;

    @BeforeEach
    void start() {
        fx = new ProviderFixture(stateDir);
        fx.loadBalancer("hello");
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private static Map<String, Object> spec(Object... keyValues) {
        Map<String, Object> spec = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            spec.put((String) keyValues[i], keyValues[i + 1]);
        }
        return spec;
    }

    /** Runs a create that must fail on {@code field}; then nothing exists and no process was started. */
    private void refused(CreateServerGroupRequest request, ErrorKind kind, String field, String messagePart) {
        Set<Long> before = Processes.sampleApps();
        int groupsBefore = fx.provider.serverGroups("hello").size();
        assertThatThrownBy(() -> fx.provider.validate(request)).isInstanceOf(ClusterDeployException.class);
        failsOn(() -> fx.provider.createServerGroup(request), kind, field, messagePart);
        assertThat(fx.provider.serverGroups("hello")).hasSize(groupsBefore);
        assertThat(Processes.sampleApps()).isEqualTo(before);
        assertThat(stateDir.resolve(request.name())).doesNotExist();
    }

    private static void failsOn(ThrowingCallable call, ErrorKind kind, String field, String messagePart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ClusterDeployException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }

    private void invalid(Map<String, Object> spec, String field, String messagePart) {
        refused(ProviderFixture.request("hello-v001", 1, List.of("hello"), spec), ErrorKind.INVALID_INPUT, field, messagePart);
    }

    @Test
    void missingOrEmptyCommand() {
        invalid(spec(), "spec.command", "spec.command is required");
        invalid(spec("command", List.of()), "spec.command", "spec.command is required");
        invalid(spec("command", "   "), "spec.command", "spec.command is required");
        invalid(spec("command", List.of("java", Map.of())), "spec.command[1]", "must be a string");
        invalid(spec("command", Map.of("x", 1)), "spec.command", "must be a list of strings");
    }

    @Test
    void executableThatCannotBeRun() throws IOException {
        invalid(spec("command", "/no/such/dir/hello-app --port $PORT"), "spec.command", "'/no/such/dir/hello-app'");
        invalid(spec("command", List.of("no-such-program-anywhere-42", "x")), "spec.command", "'no-such-program-anywhere-42' was not found on PATH");
        Path notExecutable = Files.writeString(stateDir.resolve("script.sh"), "#!/bin/sh\n");
        invalid(spec("command", List.of(notExecutable.toString())), "spec.command", "is not an executable file");
        invalid(spec("command", List.of("$PORT")), "spec.command", "must not contain $PORT");
    }

    @Test
    void unknownOrBadSpecKeys() {
        List<String> command = SampleApp.command("v1");
        invalid(spec("command", command, "replicas", 3), "spec.replicas", "unknown field 'spec.replicas'");
        invalid(spec("command", command, "healthCheckPath", "health"), "spec.healthCheckPath", "must start with '/'");
        invalid(spec("command", command, "shutdownTimeoutSeconds", -1), "spec.shutdownTimeoutSeconds", "between 0 and 3600");
        invalid(spec("command", command, "env", List.of("A=1")), "spec.env", "must be an object");
        invalid(spec("command", command, "env", Map.of("A=B", "1")), "spec.env.A=B", "not a valid environment variable name");
        invalid(spec("command", command, "env", Map.of("A", List.of())), "spec.env.A", "must be a string");
    }

    @Test
    void unknownLoadBalancerWrongLocationBadNameAndSecurityGroups() {
        Map<String, Object> good = spec("command", SampleApp.command("v1"));
        refused(ProviderFixture.request("hello-v001", 1, List.of("hello", "nope"), good),
                ErrorKind.INVALID_INPUT, "loadBalancers", "unknown load balancer 'nope'");
        refused(new CreateServerGroupRequest("hello-v001", "us-east-1", Capacity.fixed(1),
                List.of(), List.of(), good, Map.of()), ErrorKind.INVALID_INPUT, "location", "'us-east-1'");
        refused(ProviderFixture.request("hello-", 1, List.of(), good), ErrorKind.INVALID_INPUT, "name", "hello-");
        refused(new CreateServerGroupRequest("hello-v001", "local", Capacity.fixed(1),
                List.of(), List.of("web"), good, Map.of()), ErrorKind.INVALID_INPUT, "securityGroups", "no security groups");
    }

    @Test
    void duplicateNameIsAConflictAndLeavesTheExistingGroupAlone() {
        fx.deploy("hello-v001", 1, List.of("hello"), SampleApp.command("v1"));
        fx.awaitAll("hello-v001", 1, HealthState.UP);
        List<String> ids = fx.group("hello-v001").instances().stream().map(Instance::id).toList();
        long pid = Processes.pidOf(ids.get(0)).orElseThrow();
        Set<Long> before = Processes.sampleApps();

        failsOn(() -> fx.deploy("hello-v001", 2, List.of(), SampleApp.command("v2")),
                ErrorKind.CONFLICT, "name", "already exists");

        assertThat(Processes.sampleApps()).isEqualTo(before);
        assertThat(fx.group("hello-v001").instances()).extracting(Instance::id).isEqualTo(ids);
        assertThat(fx.group("hello-v001").artifact()).contains("--version v1");
        assertThat(Processes.alive(pid)).isTrue();
    }

    @Test
    void badLoadBalancerInput() throws IOException {
        failsOn(() -> fx.provider.upsertLoadBalancer(new UpsertLoadBalancerRequest("web", "local", Map.of())),
                ErrorKind.INVALID_INPUT, "spec.port", "spec.port is required");
        failsOn(() -> fx.provider.upsertLoadBalancer(new UpsertLoadBalancerRequest("web", "local", Map.of("port", 0))),
                ErrorKind.INVALID_INPUT, "spec.port", "between 1 and 65535");
        failsOn(() -> fx.provider.upsertLoadBalancer(new UpsertLoadBalancerRequest("web", "local", Map.of("port", 70000))),
                ErrorKind.INVALID_INPUT, "spec.port", "between 1 and 65535");
        failsOn(() -> fx.provider.upsertLoadBalancer(new UpsertLoadBalancerRequest("web", "local", Map.of("port", "http"))),
                ErrorKind.INVALID_INPUT, "spec.port", "whole number");
        failsOn(() -> fx.provider.upsertLoadBalancer(new UpsertLoadBalancerRequest("web", "local",
                Map.of("port", ProviderFixture.freePort(), "healthCheckPath", "/"))),
                ErrorKind.INVALID_INPUT, "spec.healthCheckPath", "unknown field");
        failsOn(() -> fx.provider.upsertLoadBalancer(new UpsertLoadBalancerRequest("web", "eu", Map.of("port", 8080))),
                ErrorKind.INVALID_INPUT, "location", "'eu'");
        failsOn(() -> fx.provider.upsertLoadBalancer(new UpsertLoadBalancerRequest("-web", "local", Map.of("port", 8080))),
                ErrorKind.INVALID_INPUT, "name", "invalid load balancer name");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            failsOn(() -> fx.provider.upsertLoadBalancer(new UpsertLoadBalancerRequest("web", "local",
                    Map.of("port", taken.getLocalPort()))), ErrorKind.INVALID_INPUT, "spec.port", "cannot listen");
        }
        assertThat(fx.provider.loadBalancers(null)).extracting(l -> l.name()).containsExactly("hello");
        assertThat(fx.provider.applications()).containsExactly("hello");
    }

    @Test
    void upsertWithTheSamePortIsANoOpAndANewPortMovesTheListener() {
        int port = (Integer) fx.provider.loadBalancers("hello").get(0).settings().get("port");
        assertThat(fx.provider.upsertLoadBalancer(new UpsertLoadBalancerRequest("hello", "local", Map.of("port", port))).address())
                .isEqualTo("127.0.0.1:" + port);

        int newPort = ProviderFixture.freePort();
        fx.provider.upsertLoadBalancer(new UpsertLoadBalancerRequest("hello", "local", Map.of("port", newPort)));

        assertThat(fx.http.get("127.0.0.1:" + newPort, "/").status()).isEqualTo(503);
        assertThat(fx.http.get("127.0.0.1:" + port, "/").status()).isEqualTo(-1);
    }

    @Test
    void badOperationArguments() {
        failsOn(() -> fx.provider.disable("local", "hello-v009", 50), ErrorKind.NOT_FOUND, "name", "'hello-v009' not found");
        failsOn(() -> fx.provider.enable("elsewhere", "hello-v009"), ErrorKind.INVALID_INPUT, "location", "'elsewhere'");
        failsOn(() -> fx.provider.disable("local", "hello-v009", 0), ErrorKind.INVALID_INPUT, "percentage", "between 1 and 100");
        failsOn(() -> fx.provider.resize("local", "hello-v009", null), ErrorKind.INVALID_INPUT, "capacity", "required");
        fx.provider.destroy("local", "hello-v009");
        assertThat(fx.provider.serverGroup("elsewhere", "hello-v009")).isEmpty();
    }
}
