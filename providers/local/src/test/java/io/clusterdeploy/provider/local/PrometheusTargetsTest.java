package io.clusterdeploy.provider.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.json.Json;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.HealthState;
import io.clusterdeploy.engine.model.Instance;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.naming.ServerGroupName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import io.clusterdeploy.engine.error.ClusterDeployException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrometheusTargetsTest {
    @TempDir
    Path dir;

    private static ServerGroup group(String name, boolean disabled, Instance... instances) {
        return new ServerGroup(name, ServerGroupName.parse(name).moniker(), "test", "local", Capacity.fixed(instances.length),
                List.of(instances), disabled, Instant.EPOCH, "cmd", List.of(), List.of(), Map.of());
    }

    private static Instance instance(String id, String address) {
        return new Instance(id, HealthState.UP, address, Instant.EPOCH);
    }

    @Test
    void listsEveryInstanceWithTheModelAsLabels() throws Exception {
        Path file = dir.resolve("sd").resolve("targets.json");
        PrometheusTargets targets = new PrometheusTargets(file, dir.resolve("state"));

        targets.update(List.of(
                group("shop-web-canary-v002", true, instance("shop-web-canary-v002-1", "127.0.0.1:4002")),
                group("shop-v001", false, instance("shop-v001-2", "127.0.0.1:4012"),
                        instance("shop-v001-1", "127.0.0.1:4011"), instance("shop-v001-3", null))));

        assertThat(entries(new Json(), file)).containsExactly(
                Map.of("targets", List.of("127.0.0.1:4011"), "labels", Map.of("account", "test", "location", "local",
                        "application", "shop", "cluster", "shop", "server_group", "shop-v001",
                        "instance_id", "shop-v001-1", "enabled", "true")),
                Map.of("targets", List.of("127.0.0.1:4012"), "labels", Map.of("account", "test", "location", "local",
                        "application", "shop", "cluster", "shop", "server_group", "shop-v001",
                        "instance_id", "shop-v001-2", "enabled", "true")),
                Map.of("targets", List.of("127.0.0.1:4002"), "labels", Map.of("account", "test", "location", "local",
                        "application", "shop", "cluster", "shop-web-canary", "server_group", "shop-web-canary-v002",
                        "stack", "web", "detail", "canary", "instance_id", "shop-web-canary-v002-1",
                        "enabled", "false")));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
        try (var listing = Files.list(file.getParent())) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("targets.json");
        }
    }

    @Test
    void rewritesOnlyWhatChangedAndEmptiesTheListWhenNothingIsLeft() throws Exception {
        Path file = dir.resolve("state").resolve("targets.json");
        PrometheusTargets targets = new PrometheusTargets(file, dir.resolve("state"));
        List<ServerGroup> groups = List.of(group("shop-v001", false, instance("shop-v001-1", "127.0.0.1:4011")));
        targets.update(groups);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));

        targets.update(groups);
        assertThat(Files.getLastModifiedTime(file).toInstant()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));

        targets.update(List.of());
        assertThat(new Json().read(Files.readString(file), List.class)).isEmpty();
        // In the state directory, like everything there: owner-only.
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aFileThatCannotBeWrittenIsLoggedNotThrown() throws Exception {
        Path blocker = Files.writeString(dir.resolve("not-a-dir"), "x");
        PrometheusTargets targets = new PrometheusTargets(blocker.resolve("targets.json"), dir);
        targets.update(List.of(group("shop-v001", false, instance("shop-v001-1", "127.0.0.1:4011"))));
        assertThat(Files.readString(blocker)).isEqualTo("x");
    }

    @Test
    void theProviderKeepsItsTargetsFileAsGroupsAndInstancesChange() throws Exception {
        Path stateDir = dir.resolve("state");
        Path file = stateDir.resolve(LocalSettings.DEFAULT_TARGETS_FILE);
        Json json = new Json();
        try (ProviderFixture fx = new ProviderFixture(stateDir)) {
            fx.deploy("shop-v001", 2, List.of(), SampleApp.command("v1"));
            List<String> ids = fx.group("shop-v001").instances().stream().map(Instance::id).sorted().toList();
            assertThat(entries(json, file)).extracting(e -> labels(e).get("instance_id")).containsExactlyElementsOf(ids);
            assertThat(entries(json, file)).allSatisfy(e -> assertThat(labels(e)).containsEntry("enabled", "true"));

            fx.provider.disable("local", "shop-v001", 100);
            assertThat(entries(json, file)).allSatisfy(e -> assertThat(labels(e)).containsEntry("enabled", "false"));

            // An instance that dies is replaced by the convergence, whose round rewrites the list.
            String dead = ids.get(0);
            ProcessHandle.current().descendants()
                    .filter(p -> p.info().arguments().map(a -> List.of(a).contains(dead)).orElse(false))
                    .forEach(ProcessHandle::destroyForcibly);
            ProviderFixture.await().until(() -> {
                List<String> now = entries(json, file).stream().map(e -> labels(e).get("instance_id")).toList();
                return now.size() == 2 && !now.contains(dead);
            });
            fx.provider.destroy("local", "shop-v001");
            assertThat(entries(json, file)).isEmpty();

            fx.deploy("shop-v002", 1, List.of(), SampleApp.command("v2"));
            assertThat(entries(json, file)).hasSize(1);
        }
        assertThat(entries(json, file)).as("closed: nothing left to scrape").isEmpty();
    }

    @Test
    void theTargetsFileSettingMustBeAJsonFile() {
        assertThatThrownBy(() -> LocalSettings.check("a", Map.of("prometheusTargetsFile", dir.resolve("t.yml").toString())))
                .isInstanceOf(ClusterDeployException.class)
                .hasMessageContaining("accounts[a].prometheusTargetsFile must name a file ending in .json")
                .extracting(e -> ((ClusterDeployException) e).field()).isEqualTo("accounts[a].prometheusTargetsFile");
        Path chosen = dir.resolve("sd/shop.json");
        LocalSettings settings = LocalSettings.parse("a", Map.of("stateDir", dir.resolve("s").toString(),
                "prometheusTargetsFile", chosen.toString()));
        assertThat(settings.prometheusTargetsFile()).isEqualTo(chosen);
        assertThat(LocalSettings.parse("a", Map.of("stateDir", dir.resolve("s").toString())).prometheusTargetsFile())
                .isEqualTo(dir.resolve("s").resolve("prometheus-targets.json"));
    }

    private static List<Map<String, Object>> entries(Json json, Path file) throws Exception {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list = json.read(Files.readString(file), List.class);
        return list;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> labels(Map<String, Object> entry) {
        return (Map<String, String>) entry.get("labels");
    }
}
