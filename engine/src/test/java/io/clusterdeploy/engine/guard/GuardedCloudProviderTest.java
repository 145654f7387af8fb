package io.clusterdeploy.engine.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.SecurityGroup;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.provider.CloudProvider;
import io.clusterdeploy.engine.provider.CreateServerGroupRequest;
import io.clusterdeploy.engine.provider.UpsertLoadBalancerRequest;
import io.clusterdeploy.engine.testing.FakeCloudProvider;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The guard on the mechanism, called directly: how many serving instances each disable, resize and destroy
 * leaves (the verdict a plan shows), which ones are refused before the cloud is asked, and that every other
 * call reaches the cloud unchanged.
 */
class GuardedCloudProviderTest {
    private static final String LOC = "fake-1";

    private final FakeCloudProvider cloud = new FakeCloudProvider("test");
    private final List<GuardVerdict> verdicts = new ArrayList<>();
    private final GuardedCloudProvider guarded = new GuardedCloudProvider(cloud,
            new TrafficGuards(List.of(new TrafficGuard("test", null, "hello-prod"))), verdicts::add);

    private GuardVerdict onlyVerdict() {
        assertThat(verdicts).hasSize(1);
        return verdicts.get(0);
    }

    private void assertVerdict(long before, long after, boolean allowed) {
        GuardVerdict v = onlyVerdict();
        assertThat(v.guard()).isEqualTo(new TrafficGuard("test", null, "hello-prod"));
        assertThat(v.before()).as("before").isEqualTo(before);
        assertThat(v.after()).as("after").isEqualTo(after);
        assertThat(v.allowed()).as("allowed").isEqualTo(allowed);
    }

    private void assertRefused(Runnable change) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(ClusterDeployException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT);
            assertThat(e.field()).isEqualTo("trafficGuard");
        });
        assertThat(cloud.mutations()).as("the cloud was not asked").isEmpty();
    }

    @Test
    void disablingPartOfTheOnlyGroupTakesTheRoundedUpShareOfItsUpInstances() {
        cloud.seed("hello-prod-v000", Capacity.fixed(3), true, "v1");

        ServerGroup after = guarded.disable(LOC, "hello-prod-v000", 50);

        // ceil(3 × 50 / 100) = 2 of the 3 leave; the group itself stays enabled.
        assertVerdict(3, 1, true);
        assertThat(after.name()).isEqualTo("hello-prod-v000");
        assertThat(cloud.mutations()).containsExactly("disable hello-prod-v000 50%");
    }

    @Test
    void aPartialDisableCountsOnlyUpInstances() {
        cloud.seed("hello-prod-v000", Capacity.fixed(4), true, "v1");
        cloud.setHealthyInstances("hello-prod-v000", 3);

        guarded.disable(LOC, "hello-prod-v000", 25);

        // One instance leaves (ceil(4 × 25 / 100)): it is one of the three up, so two serve on.
        assertVerdict(3, 2, true);
    }

    @Test
    void disablingAllOfTheOnlyServingGroupIsRefused() {
        cloud.seed("hello-prod-v000", Capacity.fixed(2), true, "v1");

        assertRefused(() -> guarded.disable(LOC, "hello-prod-v000", 100));
        assertVerdict(2, 0, false);
    }

    @Test
    void disablingOneOfTwoServingGroupsLeavesTheOther() {
        cloud.seed("hello-prod-v000", Capacity.fixed(2), true, "v1");
        cloud.seed("hello-prod-v001", Capacity.fixed(3), true, "v2");

        ServerGroup after = guarded.disable(LOC, "hello-prod-v001", 100);

        assertVerdict(5, 2, true);
        assertThat(after.disabled()).isTrue();
    }

    @Test
    void resizingDownTakesTheInstancesAboveTheNewSize() {
        cloud.seed("hello-prod-v000", Capacity.fixed(4), true, "v1");

        ServerGroup after = guarded.resize(LOC, "hello-prod-v000", Capacity.fixed(1));

        assertVerdict(4, 1, true);
        assertThat(after.capacity()).isEqualTo(Capacity.fixed(1));
        assertThat(cloud.mutations()).containsExactly("resize hello-prod-v000 1");
    }

    @Test
    void resizingUpTakesNothing() {
        cloud.seed("hello-prod-v000", Capacity.fixed(2), true, "v1");

        guarded.resize(LOC, "hello-prod-v000", Capacity.fixed(5));

        assertVerdict(2, 2, true);
    }

    @Test
    void resizingTheOnlyServingGroupToZeroIsRefused() {
        cloud.seed("hello-prod-v000", Capacity.fixed(2), true, "v1");

        assertRefused(() -> guarded.resize(LOC, "hello-prod-v000", Capacity.ZERO));
        assertVerdict(2, 0, false);
        assertThat(cloud.serverGroup(LOC, "hello-prod-v000").orElseThrow().capacity()).isEqualTo(Capacity.fixed(2));
    }

    @Test
    void destroyingTheOnlyServingGroupIsRefused() {
        cloud.seed("hello-prod-v000", Capacity.fixed(2), true, "v1");

        assertRefused(() -> guarded.destroy(LOC, "hello-prod-v000"));
        assertVerdict(2, 0, false);
        assertThat(cloud.serverGroup(LOC, "hello-prod-v000")).isPresent();
    }

    @Test
    void destroyingAGroupThatIsGoneAsksNoGuard() {
        cloud.seed("hello-prod-v000", Capacity.fixed(2), true, "v1");

        guarded.destroy(LOC, "hello-prod-v007");

        assertThat(verdicts).isEmpty();
        assertThat(cloud.serverGroup(LOC, "hello-prod-v000")).isPresent();
    }

    @Test
    void aClusterThatServesNothingMayLoseItsLastGroup() {
        cloud.seed("hello-prod-v000", Capacity.fixed(2), false, "v1");

        guarded.destroy(LOC, "hello-prod-v000");

        assertVerdict(0, 0, true);
        assertThat(cloud.mutations()).containsExactly("destroy hello-prod-v000");
    }

    @Test
    void aGuardForOneLocationCoversOnlyThatLocation() {
        cloud.seed("hello-prod-v000", Capacity.fixed(2), true, "v1");
        List<GuardVerdict> heard = new ArrayList<>();
        GuardedCloudProvider elsewhere = new GuardedCloudProvider(cloud,
                new TrafficGuards(List.of(new TrafficGuard("test", "other-1", "hello-prod"))), heard::add);
        elsewhere.disable(LOC, "hello-prod-v000", 100);
        assertThat(heard).isEmpty();

        cloud.enable(LOC, "hello-prod-v000");
        GuardedCloudProvider here = new GuardedCloudProvider(cloud,
                new TrafficGuards(List.of(new TrafficGuard("test", LOC, "hello-prod"))), heard::add);
        assertThatThrownBy(() -> here.disable(LOC, "hello-prod-v000", 100)).isInstanceOf(ClusterDeployException.class);
        assertThat(heard).singleElement().satisfies(v -> assertThat(v.allowed()).isFalse());
    }

    @Test
    void aGuardOfAnotherAccountOrClusterDoesNotApply() {
        TrafficGuard guard = new TrafficGuard("test", null, "hello-prod");
        assertThat(guard.covers("test", LOC, "hello-prod")).isTrue();
        assertThat(guard.covers("prod", LOC, "hello-prod")).isFalse();
        assertThat(guard.covers("test", LOC, "hello-staging")).isFalse();
        assertThat(new TrafficGuard("test", LOC, "hello-prod").covers("test", "other-1", "hello-prod")).isFalse();
        assertThat(new TrafficGuards(List.of(guard)).guardOf("test", LOC, "hello-prod")).contains(guard);
        assertThat(new TrafficGuards(List.of(guard)).guardOf("test", LOC, "hello")).isEmpty();
        assertThat(new TrafficGuards(List.of(guard)).list()).containsExactly(guard);
        assertThat(TrafficGuards.none().list()).isEmpty();
    }

    @Test
    void everyOtherCallReachesTheCloudUnchanged() {
        SecurityGroup web = new SecurityGroup("web", "test", LOC, List.of());
        CloudProvider withSecurityGroups = (CloudProvider) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {CloudProvider.class}, (proxy, method, args) -> {
                    if (method.getName().equals("securityGroups")) {
                        return List.of(web);
                    }
                    try {
                        return method.invoke(cloud, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        GuardedCloudProvider p = new GuardedCloudProvider(withSecurityGroups, TrafficGuards.none());

        assertThat(p.account()).isEqualTo(cloud.account());
        ServerGroup created = p.createServerGroup(new CreateServerGroupRequest("hello-v000", LOC, Capacity.fixed(1),
                List.of(), List.of(), Map.of("version", "v1"), Map.of()));
        assertThat(created.name()).isEqualTo("hello-v000");
        assertThat(p.applications()).containsExactly("hello");
        assertThat(p.serverGroups("hello")).extracting(ServerGroup::name).containsExactly("hello-v000");
        assertThat(p.serverGroup(LOC, "hello-v000")).isPresent();
        p.disable(LOC, "hello-v000", 100);
        assertThat(p.enable(LOC, "hello-v000").enabled()).isTrue();
        assertThat(p.upsertLoadBalancer(new UpsertLoadBalancerRequest("hello", LOC, Map.of())).name())
                .isEqualTo("hello");
        assertThat(p.loadBalancers("hello")).extracting(lb -> lb.name()).containsExactly("hello");
        assertThat(p.securityGroups("hello")).containsExactly(web);
        assertThatThrownBy(() -> p.validate(new UpsertLoadBalancerRequest("hello", LOC, Map.of("port", 0))))
                .isInstanceOf(ClusterDeployException.class);
        assertThatThrownBy(() -> p.validate(new CreateServerGroupRequest("hello-v001", LOC, Capacity.fixed(1),
                List.of(), List.of(), Map.of(), Map.of()))).isInstanceOf(ClusterDeployException.class);
        p.release();
        p.close();
        assertThat(cloud.lifecycle()).containsExactly("release", "close");
        assertThat(cloud.mutations()).containsExactly("create hello-v000", "disable hello-v000", "enable hello-v000",
                "upsertLoadBalancer hello");
    }
}
