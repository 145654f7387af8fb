package io.clusterdeploy.provider.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.operation.OperationStatus;
import io.clusterdeploy.engine.provider.CreateServerGroupRequest;
import io.clusterdeploy.engine.provider.UpsertLoadBalancerRequest;
import io.clusterdeploy.engine.testing.EngineHarness;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bad input: a clear error naming the field, and moto's state without a new resource (groups, launch templates,
 * target groups, load balancers, security groups, instances counted before and after).
 */
class BadInputTest {
    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    private AwsFixture fx;
    private Map<String, Integer> before;

    @BeforeEach
    void setUp() {
        fx = new AwsFixture(MOTO.server());
        ProviderCalls.loadBalancer(fx, 2);
        before = fx.moto.inventory();
    }

    @AfterEach
    void tearDown() {
        assertThat(fx.moto.inventory()).as("moto's resources after the refused request").isEqualTo(before);
        fx.close();
        assertThat(fx.proxy.unimplemented()).isEmpty();
    }

    private void refused(String field, String messagePart, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ClusterDeployException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(messagePart);
            assertThat(e.kind()).isIn(ErrorKind.INVALID_INPUT, ErrorKind.NOT_FOUND);
        });
    }

    private CreateServerGroupRequest deploy(String name, Capacity capacity, Consumer<Map<String, Object>> change) {
        Map<String, Object> spec = new HashMap<>(fx.spec("v1", true));
        change.accept(spec);
        return new CreateServerGroupRequest(name, Moto.REGION, capacity, List.of(ProviderCalls.LB), List.of(), spec, Map.of());
    }

    @Test
    void anUnknownImageIsRefusedBeforeMotoCouldBeAsked() {
        refused("spec.imageId", "ami-0123456789abcdef0", () -> fx.provider.createServerGroup(deploy("hello-prod-v000",
                Capacity.fixed(1), s -> s.put("imageId", "ami-0123456789abcdef0"))));
    }

    @Test
    void anUnknownInstanceTypeIsRefused() {
        refused("spec.instanceType", "t9.enormous", () -> fx.provider.createServerGroup(deploy("hello-prod-v000",
                Capacity.fixed(1), s -> s.put("instanceType", "t9.enormous"))));
    }

    @Test
    void anUnknownSubnetIsRefused() {
        refused("spec.subnetIds", "subnet-0123456789abcdef0", () -> fx.provider.createServerGroup(deploy("hello-prod-v000",
                Capacity.fixed(1), s -> s.put("subnetIds", List.of("subnet-0123456789abcdef0")))));
    }

    @Test
    void anUnknownKeyPairIsRefused() {
        refused("spec.keyName", "no-such-key", () -> fx.provider.createServerGroup(deploy("hello-prod-v000",
                Capacity.fixed(1), s -> s.put("keyName", "no-such-key"))));
    }

    @Test
    void anUnknownRegionIsRefused() {
        refused("location", "eu-nowhere-1", () -> fx.provider.createServerGroup(new CreateServerGroupRequest(
                "hello-prod-v000", "eu-nowhere-1", Capacity.fixed(1), List.of(), List.of(), fx.spec("v1", true), Map.of())));
    }

    @Test
    void aCapacityBeyondTheAccountsLimitIsRefused() {
        refused("capacity.max", "maxInstancesPerServerGroup", () -> fx.provider.createServerGroup(deploy(
                "hello-prod-v000", new Capacity(1, 1, 251), s -> { })));
        refused("capacity.max", "maxInstancesPerServerGroup", () -> fx.provider.resize(Moto.REGION, "hello-prod-v000",
                new Capacity(0, 0, 1000)));
    }

    @Test
    void anUnknownTargetGroupIsRefused() {
        refused("loadBalancers[0]", "hello-nope", () -> fx.provider.createServerGroup(new CreateServerGroupRequest(
                "hello-prod-v000", Moto.REGION, Capacity.fixed(1), List.of("hello-nope"), List.of(), fx.spec("v1", true),
                Map.of())));
    }

    @Test
    void namesBeyondAwsLimitsAreRefusedBeforeAnythingIsCreated() {
        String longName = "hello-prod-" + "x".repeat(30);
        refused("name", "at most 32", () -> fx.provider.upsertLoadBalancer(new UpsertLoadBalancerRequest(longName,
                Moto.REGION, fx.loadBalancerSpec())));
        // Frigga allows '~' in a detail; a launch template name does not.
        refused("name", "launch template", () -> fx.provider.createServerGroup(deploy("hello-prod-a~b-v000",
                Capacity.fixed(1), s -> { })));
        refused("name", "characters long", () -> fx.provider.createServerGroup(deploy("hello-prod-" + "d".repeat(120)
                + "-v000", Capacity.fixed(1), s -> { })));
        refused("spec.targetGroups.hello_prod", "not a valid AWS target group name", () -> fx.provider.createServerGroup(
                new CreateServerGroupRequest("hello-prod-v000", Moto.REGION, Capacity.fixed(1), List.of("hello_prod"),
                        List.of(), Map.of("imageId", fx.imageId, "instanceType", "t3.micro", "subnetIds", fx.subnets,
                        "targetGroups", Map.of("hello_prod", Map.of("port", 8080))), Map.of())));
    }

    @Test
    void missingCredentialsNameTheirField() {
        Map<String, Object> settings = fx.settings(Map.of("credentials",
                Map.of("accessKeyId", "test:id", "secretAccessKey", "test:missing")));
        refused("accounts[aws-test].credentials.secretAccessKey", "test:missing",
                () -> new AwsProviderFactory().create(AwsFixture.ACCOUNT, settings, AwsFixture.SECRETS));
    }

    @Test
    void anUnknownImageFailsTheDeployOperationInPreflightWithTheField() throws Exception {
        try (EngineHarness engine = new EngineHarness(fx.provider)) {
            Map<String, Object> request = ProviderCalls.deploy(fx, "redblack", "v1", true, Map.of());
            Map<String, Object> spec = new HashMap<>(fx.spec("v1", true));
            spec.put("imageId", "ami-0123456789abcdef0");
            request.put("spec", spec);
            OperationState s = engine.run(request);
            assertThat(s.status()).isEqualTo(OperationStatus.FAILED);
            assertThat(s.error().field()).isEqualTo("spec.imageId");
        } catch (ClusterDeployException e) {
            // A front end may refuse in preflight before the operation starts: the same field.
            assertThat(e.field()).isEqualTo("spec.imageId");
        }
    }
}
