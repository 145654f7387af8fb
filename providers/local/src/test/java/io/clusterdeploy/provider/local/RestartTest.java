package io.clusterdeploy.provider.local;

import static io.clusterdeploy.provider.local.ProviderFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import io.clusterdeploy.engine.json.Json;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.HealthState;
import io.clusterdeploy.engine.model.Instance;
import io.clusterdeploy.engine.model.LoadBalancer;
import io.clusterdeploy.engine.model.ServerGroup;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local cloud outlives its provider: a crashed provider's processes are adopted by the next one on
 * the same state directory, a closed provider's groups are started anew, and nothing is duplicated.
 */
class RestartTest {
    @TempDir
    Path stateDir;
    private final List<ProviderFixture> providers = new ArrayList<>();
    // Processes no provider may stop; the test stops them itself.
    private final List<Long> notTheProviders = new ArrayList<>();
    // Processes whose parent died: were the test to fail before a provider stops them, nothing else would.
    private final List<Long> orphans = new ArrayList<>();
    private final Json json = new Json();

    private ProviderFixture startProvider() {
        ProviderFixture fx = new ProviderFixture(stateDir);
        providers.add(fx);
        return fx;
    }

    @AfterEach
    void stop() throws Exception {
        providers.forEach(ProviderFixture::close);
        List<Long> leftovers = new ArrayList<>(notTheProviders);
        leftovers.addAll(orphans);
        for (long pid : leftovers) {
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            if (process.isPresent()) {
                process.get().destroyForcibly();
                // Gone before the next test counts processes.
                process.get().onExit().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Instance id to the pid of its live process, as the operating system tells. */
    private static Map<String, Long> pids(ProviderFixture fx, String group) {
        Map<String, Long> pids = new TreeMap<>();
        for (Instance instance : fx.group(group).instances()) {
            pids.put(instance.id(), Processes.pidOf(instance.id())
                    .orElseThrow(() -> new AssertionError("no process for " + instance.id())));
        }
        return pids;
    }

    private static Set<String> ids(ProviderFixture fx, String group) {
        return fx.group(group).instances().stream().map(Instance::id).collect(Collectors.toSet());
    }

    private static Set<String> instancesAnswering(ProviderFixture fx, String address, int requests) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < requests; i++) {
            Http.Answer answer = fx.http.get(address, "/");
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            seen.add(answer.instance());
        }
        return seen;
    }

    private Path record(String group) {
        return stateDir.resolve("server-groups").resolve(group + ".json");
    }

    private Map<String, Object> readRecord(String group) throws IOException {
        return json.readObject(Files.readString(record(group)));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> instancesOf(Map<String, Object> record) {
        return (List<Map<String, Object>>) record.get("instances");
    }

    @Test
    void afterACrashTheNextProviderAdoptsTheRunningProcessesAndStartsNoneTwice() throws Exception {
        ProviderFixture first = startProvider();
        LoadBalancer lb = first.loadBalancer("hello");
        first.provider.createServerGroup(ProviderFixture.request("hello-v001", 2, List.of("hello"),
                Map.of("command", SampleApp.command("v1"), "env", Map.of("GREETING", "hi"))));
        first.awaitAll("hello-v001", 2, HealthState.UP);
        Map<String, Long> pids = pids(first, "hello-v001");
        Set<Long> running = Processes.sampleApps();

        // The record holds what a later provider needs, instance by instance, readable by its owner only.
        Map<String, Object> recorded = readRecord("hello-v001");
        assertThat(recorded).containsEntry("name", "hello-v001").containsEntry("disabled", false)
                .containsEntry("loadBalancers", List.of("hello"));
        assertThat(recorded.get("capacity")).asInstanceOf(MAP)
                .containsEntry("min", 2).containsEntry("desired", 2).containsEntry("max", 2);
        assertThat(recorded.get("spec")).asInstanceOf(MAP)
                .containsEntry("env", Map.of("GREETING", "hi")).containsEntry("healthCheckPath", "/health");
        assertThat(instancesOf(recorded)).hasSize(2).allSatisfy(i -> {
            long pid = pids.get((String) i.get("id"));
            assertThat(((Number) i.get("pid")).longValue()).isEqualTo(pid);
            assertThat(Instant.parse((String) i.get("startInstant")))
                    .isEqualTo(ProcessHandle.of(pid).orElseThrow().info().startInstant().orElseThrow());
            assertThat(i).containsEntry("inRotation", true);
        });
        assertThat(Files.getPosixFilePermissions(record("hello-v001")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(json.readObject(Files.readString(stateDir.resolve("load-balancers/hello.json"))))
                .containsEntry("name", "hello").containsEntry("port", Integer.parseInt(lb.address().split(":")[1]));

        first.provider.abandon();

        assertThat(first.http.get(lb.address(), "/").status()).as("the crashed load balancer is gone").isEqualTo(-1);
        assertThat(pids.values()).allSatisfy(pid -> assertThat(Processes.alive(pid)).isTrue());

        ProviderFixture second = startProvider();

        assertThat(second.provider.serverGroups("hello")).extracting(ServerGroup::name).containsExactly("hello-v001");
        second.awaitAll("hello-v001", 2, HealthState.UP);
        assertThat(pids(second, "hello-v001")).isEqualTo(pids);
        assertThat(instancesAnswering(second, lb.address(), 20)).isEqualTo(pids.keySet());
        assertThat(second.provider.loadBalancers("hello")).singleElement().satisfies(l -> {
            assertThat(l.address()).isEqualTo(lb.address());
            assertThat(l.serverGroups()).containsExactly("hello-v001");
        });
        assertThat(Processes.sampleApps()).as("no process started twice").isEqualTo(running);

        // An adopted instance is watched like a launched one: when it dies, it is replaced.
        ProcessHandle.of(pids.get("hello-v001-1")).orElseThrow().destroyForcibly();
        await().until(() -> ids(second, "hello-v001"), ids -> ids.equals(Set.of("hello-v001-2", "hello-v001-3")));
        second.awaitAll("hello-v001", 2, HealthState.UP);

        // And a close stops adopted processes like launched ones.
        Set<Long> last = new HashSet<>(pids(second, "hello-v001").values());
        assertThat(last).contains(pids.get("hello-v001-2"));
        second.close();
        assertThat(last).allSatisfy(pid -> assertThat(Processes.alive(pid)).isFalse());
    }

    @Test
    void anInstanceWhoseCommandDoesNotNameItIsAdoptedByItsEnvironment() throws Exception {
        ProviderFixture first = startProvider();
        List<String> command = new ArrayList<>(SampleApp.command("v1"));
        int at = command.indexOf("--instance-id");
        command.subList(at, at + 2).clear(); // no $INSTANCE_ID anywhere in the command line
        first.provider.createServerGroup(ProviderFixture.request("quiet-v001", 1, List.of(), Map.of("command", command)));
        first.awaitAll("quiet-v001", 1, HealthState.UP);
        long pid = ((Number) instancesOf(readRecord("quiet-v001")).get(0).get("pid")).longValue();
        assertThat(ProcessIdentity.environmentNames(pid, "quiet-v001-1")).isTrue();
        Set<Long> running = Processes.sampleApps();

        first.provider.abandon();
        ProviderFixture second = startProvider();
        second.awaitAll("quiet-v001", 1, HealthState.UP);

        assertThat(((Number) instancesOf(readRecord("quiet-v001")).get(0).get("pid")).longValue())
                .as("the same process, adopted").isEqualTo(pid);
        assertThat(Processes.sampleApps()).as("no process started twice").isEqualTo(running);
        second.close();
        assertThat(Processes.alive(pid)).isFalse();
    }

    @Test
    void afterTheJvmRunningTheProviderIsKilledTheNextProviderAdoptsItsProcesses() throws Exception {
        int port = ProviderFixture.freePort();
        Process host = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ProviderHost.class.getName(), stateDir.toString(),
                Integer.toString(port))
                .redirectError(stateDir.resolve("host.log").toFile())
                .start();
        try (BufferedReader out = host.inputReader()) {
            CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> out.lines()
                    .filter(ProviderHost.READY::equals).findFirst().orElse("exited"));
            assertThat(ready.get(60, TimeUnit.SECONDS)).as("see host.log").isEqualTo(ProviderHost.READY);
        } finally {
            host.destroyForcibly();
            host.waitFor();
        }
        Map<String, Long> pids = new TreeMap<>();
        instancesOf(readRecord("hello-v001")).forEach(i -> pids.put((String) i.get("id"), ((Number) i.get("pid")).longValue()));
        orphans.addAll(pids.values());
        assertThat(pids).hasSize(2);
        assertThat(pids.values()).as("a crash leaves the instances running")
                .allSatisfy(pid -> assertThat(Processes.alive(pid)).isTrue());

        ProviderFixture second = startProvider();

        second.awaitAll("hello-v001", 2, HealthState.UP);
        for (String id : pids.keySet()) {
            assertThat(Processes.pidsOf(id)).contains(pids.get(id));
        }
        assertThat(ids(second, "hello-v001")).isEqualTo(pids.keySet());
        assertThat(instancesAnswering(second, "127.0.0.1:" + port, 20)).isEqualTo(pids.keySet());

        // Not this JVM's children, yet watched all the same: one that dies is replaced.
        ProcessHandle.of(pids.get("hello-v001-1")).orElseThrow().destroyForcibly();
        await().until(() -> ids(second, "hello-v001"), ids -> ids.equals(Set.of("hello-v001-2", "hello-v001-3")));
        second.awaitAll("hello-v001", 2, HealthState.UP);

        second.close();
        assertThat(pids.values()).allSatisfy(pid -> assertThat(Processes.alive(pid)).isFalse());
    }

    @Test
    void afterACloseTheNextProviderRestartsTheGroupsWithTheirCapacityAndState() {
        ProviderFixture first = startProvider();
        LoadBalancer lb = first.loadBalancer("hello");
        first.deploy("hello-v001", 2, List.of("hello"), SampleApp.command("v1"));
        first.deploy("hello-v002", 1, List.of("hello"), SampleApp.command("v2"));
        first.provider.resize("local", "hello-v001", new Capacity(1, 2, 4));
        first.provider.disable("local", "hello-v002", 100);
        first.awaitAll("hello-v001", 2, HealthState.UP);
        first.awaitAll("hello-v002", 1, HealthState.OUT_OF_SERVICE);
        Set<Long> stopped = new HashSet<>(pids(first, "hello-v001").values());
        stopped.addAll(pids(first, "hello-v002").values());
        Instant created = first.group("hello-v001").createdTime();

        first.close();
        assertThat(stopped).allSatisfy(pid -> assertThat(Processes.alive(pid)).isFalse());

        ProviderFixture second = startProvider();

        ServerGroup v1 = second.group("hello-v001");
        assertThat(v1.capacity()).isEqualTo(new Capacity(1, 2, 4));
        assertThat(v1.disabled()).isFalse();
        assertThat(v1.createdTime()).isEqualTo(created);
        assertThat(second.group("hello-v002").disabled()).isTrue();
        assertThat(second.provider.serverGroups("hello")).extracting(ServerGroup::name)
                .containsExactly("hello-v002", "hello-v001");
        second.awaitAll("hello-v001", 2, HealthState.UP);
        second.awaitAll("hello-v002", 1, HealthState.OUT_OF_SERVICE);
        // New processes under new ids: an instance id is never used twice.
        assertThat(ids(second, "hello-v001")).containsExactlyInAnyOrder("hello-v001-3", "hello-v001-4");
        assertThat(pids(second, "hello-v001").values()).doesNotContainAnyElementsOf(stopped);
        assertThat(instancesAnswering(second, lb.address(), 20)).isEqualTo(ids(second, "hello-v001"));

        // A group created now is newer than every recorded one.
        second.deploy("hello-v003", 0, List.of(), SampleApp.command("v3"));
        assertThat(second.provider.serverGroups("hello").get(0).name()).isEqualTo("hello-v003");
    }

    @Test
    void aRecordedPidThatNowRunsAnotherProcessIsNeitherAdoptedNorKilled() throws Exception {
        ProviderFixture first = startProvider();
        first.deploy("hello-v001", 2, List.of(), SampleApp.command("v1"));
        first.awaitAll("hello-v001", 2, HealthState.UP);
        notTheProviders.addAll(pids(first, "hello-v001").values());
        first.provider.abandon();

        Process stranger = new ProcessBuilder("sleep", "120").start();
        notTheProviders.add(stranger.pid());
        Map<String, Object> recorded = readRecord("hello-v001");
        List<Map<String, Object>> instances = instancesOf(recorded);
        // Instance 1's pid now names someone else's process, with that process's true start instant:
        // only the command line, which does not name the instance, tells them apart.
        instances.get(0).put("pid", stranger.pid());
        instances.get(0).put("startInstant", stranger.info().startInstant().orElseThrow().toString());
        // Instance 2's process still runs, but the recorded start instant is an hour off, as if its pid had been reused.
        Instant started = Instant.parse((String) instances.get(1).get("startInstant"));
        instances.get(1).put("startInstant", started.minus(Duration.ofHours(1)).toString());
        Files.writeString(record("hello-v001"), json.write(recorded));

        ProviderFixture second = startProvider();

        second.awaitAll("hello-v001", 2, HealthState.UP);
        assertThat(ids(second, "hello-v001")).containsExactlyInAnyOrder("hello-v001-3", "hello-v001-4");
        assertThat(pids(second, "hello-v001").values()).doesNotContainAnyElementsOf(notTheProviders);
        second.close();
        assertThat(notTheProviders).as("processes that are not the provider's are never signalled")
                .allSatisfy(pid -> assertThat(Processes.alive(pid)).isTrue());
    }

    @Test
    void aDestroyedGroupStaysGoneAndADisabledGroupStaysDisabled() {
        ProviderFixture first = startProvider();
        LoadBalancer lb = first.loadBalancer("hello");
        first.deploy("hello-v001", 1, List.of("hello"), SampleApp.command("v1"));
        first.deploy("hello-v002", 1, List.of("hello"), SampleApp.command("v2"));
        first.deploy("hello-v003", 2, List.of("hello"), SampleApp.command("v3"));
        first.awaitAll("hello-v001", 1, HealthState.UP);
        first.awaitAll("hello-v003", 2, HealthState.UP);
        first.provider.disable("local", "hello-v001", 100);
        first.provider.disable("local", "hello-v003", 50);
        first.provider.destroy("local", "hello-v002");
        Map<String, Long> pidsV1 = pids(first, "hello-v001");
        Map<String, Long> pidsV3 = pids(first, "hello-v003");
        first.provider.abandon();

        ProviderFixture second = startProvider();

        assertThat(second.provider.serverGroups("hello")).extracting(ServerGroup::name)
                .containsExactly("hello-v003", "hello-v001");
        assertThat(second.provider.serverGroup("local", "hello-v002")).isEmpty();
        assertThat(record("hello-v002")).doesNotExist();
        assertThat(Processes.pidOf("hello-v002-1")).isEmpty();
        assertThat(second.group("hello-v001").disabled()).isTrue();
        second.awaitAll("hello-v001", 1, HealthState.OUT_OF_SERVICE);
        // The partial disable holds too: the newer half of hello-v003 stays out of rotation.
        await().until(() -> second.group("hello-v003").instances(), instances -> instances.size() == 2
                && instances.get(0).health() == HealthState.UP && instances.get(1).health() == HealthState.OUT_OF_SERVICE);
        assertThat(second.group("hello-v003").disabled()).isFalse();
        assertThat(pids(second, "hello-v001")).isEqualTo(pidsV1);
        assertThat(pids(second, "hello-v003")).isEqualTo(pidsV3);
        assertThat(instancesAnswering(second, lb.address(), 10)).containsExactly("hello-v003-1");
    }
}
