package io.clusterdeploy.provider.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.ServerGroup;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cluster view comes from the cache: reading it costs no call, a mutation shows at once (its own read updates
 * the cache), and what changes outside the provider shows after the next periodic refresh.
 */
class ClusterViewCacheTest {
    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    @Test
    void servedFromTheCacheUpdatedByMutationsAtOnceAndByThePeriodicRefresh() {
        try (AwsFixture fx = new AwsFixture(MOTO.server(), Map.of("cache", Map.of("refreshSeconds", 1,
                "serverGroupReadMillis", 60_000)))) {
            ProviderCalls.loadBalancer(fx, 2);
            fx.provider.createServerGroup(ProviderCalls.request(fx, "hello-prod-v000", Capacity.fixed(1), fx.spec("v1", true)));
            fx.provider.disable(Moto.REGION, "hello-prod-v000", 100);

            // Right after the mutation, before any periodic refresh could matter: the view shows it.
            assertThat(fx.provider.serverGroups("hello")).singleElement().satisfies(sg -> assertThat(sg.disabled()).isTrue());
            fx.proxy.clearCounts();
            for (int i = 0; i < 20; i++) {
                fx.provider.serverGroups("hello");
                fx.provider.loadBalancers("hello");
                fx.provider.securityGroups(null);
            }
            assertThat(fx.proxy.calls()).filteredOn(c -> c.action().equals("DescribeAutoScalingGroups"))
                    .as("reads of the view between refreshes").hasSizeLessThanOrEqualTo(2);

            // A group made outside the provider appears with the next periodic refresh (every second here).
            String template = fx.moto.ec2.createLaunchTemplate(r -> r.launchTemplateName("outside").launchTemplateData(d -> d
                    .imageId(fx.imageId).instanceType("t3.micro"))).launchTemplate().launchTemplateId();
            fx.moto.autoScaling.createAutoScalingGroup(r -> r.autoScalingGroupName("hello-prod-v001").minSize(0).maxSize(0)
                    .desiredCapacity(0).vpcZoneIdentifier(fx.subnets.get(0))
                    .launchTemplate(lt -> lt.launchTemplateId(template).version("1")));
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                    fx.provider.serverGroups("hello").stream().map(ServerGroup::name).toList().contains("hello-prod-v001"));
            assertThat(fx.proxy.unimplemented()).isEmpty();
        }
    }
}
