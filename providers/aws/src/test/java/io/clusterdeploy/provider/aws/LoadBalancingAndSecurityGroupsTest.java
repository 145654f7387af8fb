package io.clusterdeploy.provider.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.LoadBalancer;
import io.clusterdeploy.engine.model.SecurityGroup;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.provider.CreateServerGroupRequest;
import io.clusterdeploy.engine.provider.UpsertLoadBalancerRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;

/**
 * Load balancers and security groups, upserted and read into the model: the target group with the ALB, listener
 * and security group in front of it; a deploy creating its own target group and security groups; rules brought to
 * exactly what was asked; the model showing listeners, members and rules by name.
 */
class LoadBalancingAndSecurityGroupsTest {
    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    private AwsFixture fx;

    @BeforeEach
    void setUp() {
        fx = new AwsFixture(MOTO.server());
    }

    @AfterEach
    void tearDown() {
        fx.close();
        assertThat(fx.proxy.unimplemented()).isEmpty();
    }

    private List<IpPermission> ingress(String group) {
        return SecurityGroupWriter.flatten(fx.moto.ec2.describeSecurityGroups(r -> r.filters(Filter.builder()
                .name("group-name").values(group).build())).securityGroups().get(0).ipPermissions());
    }

    private Map<String, Object> lbSpec(int lbPort) {
        Map<String, Object> spec = new HashMap<>(fx.loadBalancerSpec());
        spec.put("loadBalancer", Map.of("subnetIds", fx.subnets, "securityGroups", List.of("hello-prod-lb"),
                "listeners", List.of(Map.of("port", 80))));
        spec.put("securityGroupIngress", Map.of("hello-prod-lb", List.of(Map.of("protocol", "tcp", "fromPort", lbPort,
                "cidr", "10.0.0.0/8"))));
        return spec;
    }

    @Test
    void upsertsTheTargetGroupItsLoadBalancerListenerAndSecurityGroupAndReadsThemBack() {
        LoadBalancer lb = fx.provider.upsertLoadBalancer(new UpsertLoadBalancerRequest(ProviderCalls.LB, Moto.REGION,
                lbSpec(80)));
        assertThat(lb.name()).isEqualTo(ProviderCalls.LB);
        assertThat(lb.address()).contains("elb.amazonaws.com");
        assertThat(lb.settings()).containsEntry("port", 8080).containsEntry("healthCheckPath", "/health");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> fronts = (List<Map<String, Object>>) lb.settings().get("loadBalancers");
        assertThat(fronts).singleElement().satisfies(f -> {
            assertThat(f).containsEntry("name", ProviderCalls.LB).containsEntry("type", "application");
            assertThat(f.get("listeners").toString()).contains("port=80");
        });
        assertThat(ingress("hello-prod-lb")).singleElement().satisfies(p -> {
            assertThat(p.fromPort()).isEqualTo(80);
            assertThat(p.ipRanges().get(0).cidrIp()).isEqualTo("10.0.0.0/8");
        });
        var albGroups = fx.moto.elb.describeLoadBalancers(r -> r.names(ProviderCalls.LB)).loadBalancers().get(0)
                .securityGroups();
        assertThat(albGroups).hasSize(1);

        // Again with another port: the rule is replaced, not added to; nothing else is created.
        int targetGroups = fx.moto.elb.describeTargetGroups().targetGroups().size();
        fx.provider.upsertLoadBalancer(new UpsertLoadBalancerRequest(ProviderCalls.LB, Moto.REGION, lbSpec(443)));
        assertThat(ingress("hello-prod-lb")).singleElement().satisfies(p -> assertThat(p.fromPort()).isEqualTo(443));
        assertThat(fx.moto.elb.describeTargetGroups().targetGroups()).hasSize(targetGroups);
        assertThat(fx.moto.elb.describeLoadBalancers().loadBalancers()).hasSize(1);
        assertThat(fx.provider.securityGroups("hello")).filteredOn(sg -> sg.name().equals("hello-prod-lb"))
                .singleElement().satisfies(sg -> assertThat(sg.rules())
                        .containsExactly(new SecurityGroup.Rule("tcp", 443, 443, "10.0.0.0/8")));
    }

    @Test
    void aDeployCreatesItsTargetGroupAndSecurityGroupsAndTheModelNamesThem() {
        fx.provider.upsertLoadBalancer(new UpsertLoadBalancerRequest(ProviderCalls.LB, Moto.REGION, lbSpec(80)));
        Map<String, Object> spec = new HashMap<>(fx.spec("v1", true));
        spec.put("targetGroups", Map.of("hello-prod-canary", Map.of("port", 8080, "deregistrationDelaySeconds", 5,
                "healthCheck", Map.of("path", "/health", "healthyThreshold", 2))));
        spec.put("securityGroupIngress", Map.of("hello-prod", List.of(Map.of("protocol", "tcp", "fromPort", 8080,
                "sourceSecurityGroup", "hello-prod-lb"))));

        ServerGroup created = fx.provider.createServerGroup(new CreateServerGroupRequest("hello-prod-v000", Moto.REGION,
                Capacity.fixed(1), List.of(ProviderCalls.LB, "hello-prod-canary"), List.of("hello-prod"), spec, Map.of()));

        assertThat(created.loadBalancers()).containsExactlyInAnyOrder(ProviderCalls.LB, "hello-prod-canary");
        assertThat(created.securityGroups()).containsExactly("hello-prod");
        String canaryArn = fx.moto.elb.describeTargetGroups(r -> r.names("hello-prod-canary")).targetGroups().get(0)
                .targetGroupArn();
        assertThat(fx.moto.elb.describeTargetGroupAttributes(r -> r.targetGroupArn(canaryArn)).attributes())
                .anyMatch(a -> a.key().equals("deregistration_delay.timeout_seconds") && a.value().equals("5"));
        String lbGroupId = fx.moto.ec2.describeSecurityGroups(r -> r.filters(Filter.builder().name("group-name")
                .values("hello-prod-lb").build())).securityGroups().get(0).groupId();
        assertThat(ingress("hello-prod")).singleElement().satisfies(p -> {
            assertThat(p.fromPort()).isEqualTo(8080);
            assertThat(p.userIdGroupPairs().get(0).groupId()).isEqualTo(lbGroupId);
        });
        fx.provider.refresh();
        assertThat(fx.provider.securityGroups("hello")).filteredOn(sg -> sg.name().equals("hello-prod"))
                .singleElement().satisfies(sg -> assertThat(sg.rules())
                        .containsExactly(new SecurityGroup.Rule("tcp", 8080, 8080, "hello-prod-lb")));
        assertThat(fx.provider.loadBalancers("hello")).extracting(LoadBalancer::name)
                .containsExactlyInAnyOrder(ProviderCalls.LB, "hello-prod-canary");
        assertThat(fx.provider.loadBalancers("hello")).allSatisfy(l ->
                assertThat(l.serverGroups()).containsExactly("hello-prod-v000"));
        assertThat(fx.provider.applications()).containsExactly("hello");
    }
}
