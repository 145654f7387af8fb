package io.clusterdeploy.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.operation.OperationStatus;
import io.clusterdeploy.engine.testing.EngineHarness;
import io.clusterdeploy.engine.testing.FakeCloudProvider;
import io.clusterdeploy.engine.testing.StepChanges;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which groups disableCluster, scaleDownCluster, shrinkCluster and findImageFromCluster pick, and exactly what
 * they ask the cloud to do with them; refusals before the start; what the timeline says they did.
 */
class ClusterSelectionTest {
    private final FakeCloudProvider cloud = new FakeCloudProvider("test");
    private final EngineHarness engine = new EngineHarness(cloud);
    private final StepChanges changes = new StepChanges(engine.runner, cloud);

    @AfterEach
    void close() {
        engine.close();
    }

    private static Map<String, Object> op(String type, Map<String, Object> fields) {
        return ClusterRequests.request(type, "hello", fields);
    }

    private OperationState run(String type, Map<String, Object> fields) throws Exception {
        OperationState s = engine.run(op(type, fields));
        assertThat(s.status()).as("%s: %s", type, s.error()).isEqualTo(OperationStatus.SUCCEEDED);
        changes.assertTimelineNamesWhatChanged(s);
        return s;
    }

    private ServerGroup group(String name) {
        return cloud.serverGroup("fake-1", name).orElseThrow();
    }

    private String onlyMessage(OperationState s) {
        assertThat(s.steps()).hasSize(1);
        return s.steps().get(0).message();
    }

    @Test
    void disableClusterLeavesDisabledGroupsAloneAndKeepsTheNewestEnabledOnes() throws Exception {
        cloud.seed("hello-v000", Capacity.fixed(1), true, "v1");
        cloud.seed("hello-v001", Capacity.fixed(1), false, "v2");
        cloud.seed("hello-v002", Capacity.fixed(1), true, "v3");
        cloud.seed("hello-v003", Capacity.fixed(1), true, "v4");

        OperationState s = run("disableCluster", Map.of("remainingEnabledServerGroups", 2));

        assertThat(cloud.mutations()).containsExactly("disable hello-v000");
        assertThat(s.context().get("disabledServerGroups")).isEqualTo(List.of("hello-v000"));
    }

    @Test
    void disableClusterWithMoreToKeepThanAreEnabledChangesNothing() throws Exception {
        cloud.seed("hello-v000", Capacity.fixed(1), true, "v1");
        cloud.seed("hello-v001", Capacity.fixed(1), false, "v2");

        OperationState s = run("disableCluster", Map.of("remainingEnabledServerGroups", 2));

        assertThat(cloud.mutations()).isEmpty();
        assertThat(onlyMessage(s)).doesNotContain("hello-v00");
    }

    @Test
    void preferringLargerBreaksTiesBySizeWithTheNewerGroup() throws Exception {
        cloud.seed("hello-v000", Capacity.fixed(3), true, "v1");
        cloud.seed("hello-v001", Capacity.fixed(3), true, "v2");
        cloud.seed("hello-v002", Capacity.fixed(1), true, "v3");

        run("disableCluster", Map.of("preferLargerOverNewer", true));

        assertThat(group("hello-v001").enabled()).isTrue();
        assertThat(cloud.mutations()).containsExactlyInAnyOrder("disable hello-v002", "disable hello-v000");
    }

    @Test
    void scaleDownClusterEmptiesOnlyDisabledGroupsThatHaveCapacityAndNamesTheActiveOnesItKept() throws Exception {
        cloud.seed("hello-v000", Capacity.ZERO, false, "v1");
        cloud.seed("hello-v001", Capacity.fixed(2), false, "v2");
        cloud.seed("hello-v002", Capacity.fixed(2), true, "v3");
        cloud.seed("hello-v003", Capacity.fixed(2), true, "v4");

        OperationState s = run("scaleDownCluster", Map.of());

        assertThat(cloud.mutations()).containsExactly("resize hello-v001 0");
        assertThat(s.context().get("scaledDownServerGroups")).isEqualTo(List.of("hello-v001"));
        // The timeline says which active group was left at size; the one already empty is not mentioned.
        assertThat(onlyMessage(s)).contains("hello-v002").doesNotContain("hello-v000").doesNotContain("hello-v003");
    }

    @Test
    void scaleDownClusterMayEmptyActiveGroupsWhenAllowed() throws Exception {
        cloud.seed("hello-v000", Capacity.fixed(2), true, "v1");
        cloud.seed("hello-v001", Capacity.fixed(2), true, "v2");

        OperationState s = run("scaleDownCluster", Map.of("allowScaleDownActive", true));

        assertThat(cloud.mutations()).containsExactly("resize hello-v000 0");
        assertThat(group("hello-v001").capacity()).isEqualTo(Capacity.fixed(2));
        assertThat(onlyMessage(s)).doesNotContain("hello-v001");
    }

    @Test
    void scaleDownClusterWithNothingBeyondTheKeptGroupsChangesNothing() throws Exception {
        cloud.seed("hello-v000", Capacity.fixed(2), false, "v1");

        OperationState s = run("scaleDownCluster", Map.of());

        assertThat(cloud.mutations()).isEmpty();
        assertThat(onlyMessage(s)).doesNotContain("hello-v000");
    }

    @Test
    void shrinkClusterDisablesAnActiveGroupBeforeDestroyingItAndDestroysADisabledOneDirectly() throws Exception {
        cloud.seed("hello-v000", Capacity.fixed(1), false, "v1");
        cloud.seed("hello-v001", Capacity.fixed(1), true, "v2");
        cloud.seed("hello-v002", Capacity.fixed(1), true, "v3");

        OperationState s = run("shrinkCluster", Map.of("allowDeleteActive", true));

        assertThat(cloud.mutations()).containsExactly("disable hello-v001", "destroy hello-v001", "destroy hello-v000");
        assertThat(s.context().get("destroyedServerGroups")).isEqualTo(List.of("hello-v001", "hello-v000"));
        assertThat(cloud.serverGroups("hello")).extracting(ServerGroup::name).containsExactly("hello-v002");
    }

    @Test
    void shrinkClusterKeepsActiveGroupsUnlessAllowedAndNamesThem() throws Exception {
        cloud.seed("hello-v000", Capacity.fixed(1), true, "v1");
        cloud.seed("hello-v001", Capacity.fixed(1), false, "v2");
        cloud.seed("hello-v002", Capacity.fixed(1), true, "v3");

        OperationState s = run("shrinkCluster", Map.of());

        assertThat(cloud.mutations()).containsExactly("destroy hello-v001");
        // The timeline names each group once, with what happened to it: v001 destroyed, v000 kept.
        String message = onlyMessage(s);
        assertThat(message.split("hello-v001", -1)).as("mentions of hello-v001 in '%s'", message).hasSize(2);
        assertThat(message.split("hello-v000", -1)).as("mentions of hello-v000 in '%s'", message).hasSize(2);
    }

    @Test
    void shrinkClusterRetainingLargerKeepsTheLargestGroups() throws Exception {
        cloud.seed("hello-v000", Capacity.fixed(3), false, "v1");
        cloud.seed("hello-v001", Capacity.fixed(1), false, "v2");
        cloud.seed("hello-v002", Capacity.fixed(2), false, "v3");

        run("shrinkCluster", Map.of("shrinkToSize", 2, "retainLargerOverNewer", true));

        assertThat(cloud.mutations()).containsExactly("destroy hello-v001");
    }

    @Test
    void shrinkClusterWithNothingToDestroyChangesNothing() throws Exception {
        cloud.seed("hello-v000", Capacity.fixed(1), true, "v1");

        OperationState s = run("shrinkCluster", Map.of());

        assertThat(cloud.mutations()).isEmpty();
        assertThat(onlyMessage(s)).doesNotContain("hello-v000");
    }

    @Test
    void findImageFromClusterRecordsTheImageAndItsGroup() throws Exception {
        cloud.seed("hello-v000", Capacity.fixed(1), true, "img-1");
        cloud.seed("hello-v001", Capacity.fixed(1), false, "img-2");

        OperationState enabledOnly = run("findImageFromCluster", Map.of());
        assertThat(enabledOnly.context()).containsEntry("image", "img-1").containsEntry("serverGroupName", "hello-v000");

        OperationState any = run("findImageFromCluster", Map.of("onlyEnabled", false));
        assertThat(any.context()).containsEntry("image", "img-2").containsEntry("serverGroupName", "hello-v001");
        assertThat(cloud.mutations()).isEmpty();
    }

    @Test
    void findImageFromClusterWithFailPassesWhenEveryGroupRunsOneImage() throws Exception {
        cloud.seed("hello-v000", Capacity.fixed(1), true, "img-1");
        cloud.seed("hello-v001", Capacity.fixed(1), true, "img-1");

        OperationState s = run("findImageFromCluster", Map.of("selectionStrategy", "fail"));

        assertThat(s.context()).containsEntry("image", "img-1").containsEntry("serverGroupName", "hello-v001");
    }

    @Test
    void findImageFromClusterWithFailFailsOnTwoImages() throws Exception {
        cloud.seed("hello-v000", Capacity.fixed(1), true, "img-1");
        cloud.seed("hello-v001", Capacity.fixed(1), true, "img-2");

        OperationState s = engine.run(op("findImageFromCluster", Map.of("selectionStrategy", "FAIL")));

        assertThat(s.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(s.error().kind()).isEqualTo("CONFLICT");
        assertThat(s.error().field()).isEqualTo("selectionStrategy");
        assertThat(s.context()).doesNotContainKey("image");
    }

    private void assertRefused(Map<String, Object> request, ErrorKind kind, String field) {
        ClusterRequests.assertRefused(engine, request, kind, field);
    }

    @Test
    void operationsOnAClusterWithoutGroupsAreRefusedBeforeTheyStart() {
        cloud.seed("hello-v000", Capacity.fixed(1), true, "v1");
        cloud.seed("hello-other-v000", Capacity.fixed(1), false, "v1");
        for (String type : List.of("disableCluster", "scaleDownCluster", "shrinkCluster")) {
            assertRefused(op(type, Map.of("cluster", "hello-prod")), ErrorKind.NOT_FOUND, "cluster");
        }
        // Only disabled groups: nothing for findImageFromCluster to read unless it may read disabled ones.
        assertRefused(op("findImageFromCluster", Map.of("cluster", "hello-other")), ErrorKind.NOT_FOUND, "cluster");
        assertRefused(op("findImageFromCluster", Map.of("selectionStrategy", "random")), ErrorKind.INVALID_INPUT,
                "selectionStrategy");
        assertRefused(op("disableCluster", Map.of("cluster", "hello-v000")), ErrorKind.INVALID_INPUT, "cluster");
        assertRefused(op("disableCluster", Map.of("cluster", "hello-")), ErrorKind.INVALID_INPUT, "cluster");
        assertThat(engine.store.list()).isEmpty();
        assertThat(cloud.mutations()).isEmpty();
    }
}
