package io.clusterdeploy.provider.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records that cannot be trusted stop the provider from starting, with an error naming the file; nothing starts. */
class StateRecordsTest {
    private static final String FIELD = "accounts[" + ProviderFixture.ACCOUNT + "].stateDir";

    @TempDir
    Path stateDir;

    private Path groupRecord(String name) throws IOException {
        return Files.createDirectories(stateDir.resolve("server-groups")).resolve(name + ".json");
    }

    private void refused(ErrorKind kind, String... messageParts) {
        assertThatThrownBy(() -> new ProviderFixture(stateDir))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                    assertThat(e.kind()).isEqualTo(kind);
                    assertThat(e.field()).isEqualTo(FIELD);
                    assertThat(e.getMessage()).contains(messageParts);
                });
    }

    /** A server group record of the sample app, with the given JSON for capacity and env. */
    private static String record(String name, String capacity, String env) {
        return """
                {"format": 1, "name": "%s", "capacity": %s,
                 "spec": {"command": %s, "env": %s},
                 "createdTime": "2030-01-01T00:00:00Z", "instances": []}
                """.formatted(name, capacity, new Json().write(SampleApp.command("v1")), env);
    }

    @Test
    void aDamagedRecordIsAnErrorNamingTheFileAndChangesNothing() throws IOException {
        // Read after an intact record: the intact group must not have been started before the damage was found.
        Path intact = groupRecord("hello-v001");
        Files.writeString(intact, record("hello-v001", "{\"min\": 0, \"desired\": 1, \"max\": 1}", "{}"));
        Path truncated = groupRecord("hello-v002");
        Files.writeString(truncated, "{\"format\": 1, \"name\": \"hello-v002\", \"capac");
        Path loadBalancer = Files.createDirectories(stateDir.resolve("load-balancers")).resolve("hello.json");
        int port = ProviderFixture.freePort();
        Files.writeString(loadBalancer, "{\"format\": 1, \"name\": \"hello\", \"port\": " + port + "}");

        Set<Long> running = Processes.sampleApps();

        refused(ErrorKind.INVALID_INPUT, truncated.toString(), "not valid JSON");

        // Nothing was started: not the intact group's instance, not the recorded load balancer.
        assertThat(truncated).hasContent("{\"format\": 1, \"name\": \"hello-v002\", \"capac");
        assertThat(Processes.sampleApps()).isEqualTo(running);
        assertThat(new Http().get("127.0.0.1:" + port, "/").status()).isEqualTo(-1);
    }

    @Test
    void aRecordThatParsesButMakesNoSenseIsRefusedWithoutQuotingItsValues() throws IOException {
        Path file = groupRecord("hello-v001");
        Files.writeString(file, record("hello-v001", "{\"min\": 0, \"desired\": -1, \"max\": 1}", "{\"TOKEN\": \"s3cr3t\"}"));
        refused(ErrorKind.INVALID_INPUT, file.toString(), "capacity.desired");

        // A value of the wrong type is described by where it is, not by what it is: it could be a secret.
        Files.writeString(file, record("hello-v001", "\"s3cr3t\"", "{}"));
        assertThatThrownBy(() -> new ProviderFixture(stateDir))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                    assertThat(e.getMessage()).contains(file.toString(), "capacity").doesNotContain("s3cr3t");
                    assertThat(e.field()).isEqualTo(FIELD);
                });

        Files.writeString(file, record("hello-v002", "{\"min\": 0, \"desired\": 0, \"max\": 0}", "{}"));
        refused(ErrorKind.INVALID_INPUT, file.toString(), "hello-v002");

        Files.writeString(file, record("hello-v001", "{\"min\": 0, \"desired\": 0, \"max\": 0}", "[\"x\"]"));
        refused(ErrorKind.INVALID_INPUT, file.toString(), "spec.env");

        // Once the record is repaired, the provider starts with the group.
        Files.writeString(file, record("hello-v001", "{\"min\": 0, \"desired\": 0, \"max\": 0}", "{}"));
        try (ProviderFixture fx = new ProviderFixture(stateDir)) {
            assertThat(fx.provider.serverGroups("hello")).singleElement()
                    .satisfies(g -> assertThat(g.name()).isEqualTo("hello-v001"));
        }
    }

    @Test
    void twoLiveProvidersNeverShareAStateDirectory() {
        try (ProviderFixture fx = new ProviderFixture(stateDir)) {
            fx.loadBalancer("hello");
            refused(ErrorKind.CONFLICT, stateDir.toString(), "in use");
            assertThat(fx.provider.loadBalancers("hello")).hasSize(1);
        }
        try (ProviderFixture fx = new ProviderFixture(stateDir)) {
            assertThat(fx.provider.loadBalancers(null)).extracting(l -> l.name()).isEqualTo(List.of("hello"));
        }
    }
}
