package io.jenkins.plugins.clusterdeploy.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.api.ApiRequest;
import io.clusterdeploy.engine.api.ApiResponse;
import io.clusterdeploy.engine.json.Json;
import io.clusterdeploy.engine.operation.DirectoryOperationStore;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.operation.OperationStatus;
import io.clusterdeploy.engine.operation.Phase;
import io.jenkins.plugins.clusterdeploy.account.LocalAccount;
import io.jenkins.plugins.clusterdeploy.config.ClusterDeployConfiguration;
import io.jenkins.plugins.clusterdeploy.runtime.EnginePaths;
import io.jenkins.plugins.clusterdeploy.testing.TestCipher;
import io.jenkins.plugins.clusterdeploy.testing.TestRuntime;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin's operation store under JENKINS_HOME: the secret values of stored requests are encrypted on disk and
 * whole again when read; every value the engine's views mask is among them; old plain files are sealed at start;
 * the directories are the controller user's alone.
 */
class SealedOperationStoreTest {
    private static final List<String> SECRETS = List.of("hunter2", "tok-123", "36001", "pw-1", "s-1", "s-2",
            "inner-1", "nested-9", "key-7", "basic-8");

    @TempDir
    Path home;

    private final Json json = new Json();

    private static Map<String, Object> request() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("DB_PASSWORD", "hunter2");
        env.put("NESTED", Map.of("deep", "nested-9"));
        env.put("EMPTY", null);
        Map<String, Object> spec = new LinkedHashMap<>();
        // A command argument that looks like a secret: the engine's views show it today. Once they mask it, the
        // comparison below fails until the store seals it too.
        spec.put("command", List.of("java", "-jar", "app.jar", "--port", "$PORT", "--db-password=hunter0"));
        spec.put("healthCheckPath", "/health");
        spec.put("env", env);
        spec.put("apiToken", "tok-123");
        spec.put("tokenTtl", 36001);
        spec.put("credentials", new LinkedHashMap<>(Map.of("password", "pw-1", "user", "bob")));
        spec.put("secrets", List.of("s-1", "s-2"));
        spec.put("clientSecret", Map.of("value", "inner-1"));
        // Names the engine's one rule calls secret beyond the words above: a *key, an auth.
        spec.put("deployKey", "key-7");
        spec.put("proxyAuth", "basic-8");
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("type", "deploy");
        request.put("account", "local");
        request.put("application", "hello");
        request.put("spec", spec);
        return request;
    }

    private static OperationState state(String id, Map<String, Object> request) {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        return new OperationState(id, "deploy", null, false, request, OperationStatus.SUCCEEDED, Phase.MAIN, 0,
                List.of(), Map.of(), null, false, null, now, now);
    }

    private String file(String id) throws Exception {
        return Files.readString(home.resolve("operations").resolve(id + ".json"), StandardCharsets.UTF_8);
    }

    @Test
    void secretValuesNeverReachTheDiskAndReadBackWhole() throws Exception {
        SealedOperationStore store = (SealedOperationStore) new EnginePaths(home).operationStore(new TestCipher());
        OperationState saved = state("op-1", request());
        store.save(saved);

        String onDisk = file("op-1");
        for (String secret : SECRETS) {
            assertThat(onDisk).as("on disk").doesNotContain(secret);
        }
        assertThat(onDisk).as("what is no secret stays readable").contains("\"$sealed\"").contains("\"/health\"")
                .contains("app.jar");
        assertThat(store.load("op-1")).contains(saved);
        assertThat(store.list()).containsExactly(saved);
    }

    @Test
    void everyValueTheEnginesViewsMaskIsSealed() throws Exception {
        LocalAccount local = new LocalAccount("local");
        ClusterDeployConfiguration config = new ClusterDeployConfiguration();
        config.setAccounts(List.of(local));
        try (TestRuntime runtime = new TestRuntime(home, config)) {
            new EnginePaths(home).operationStore(runtime.cipher()).save(state("op-2", request()));
            ApiResponse view = runtime.holder().engine().orElseThrow().api()
                    .handle(new ApiRequest("GET", "/operations/op-2", Map.of(), null));
            assertThat(view.status()).isEqualTo(200);
            Object shown = ((Map<?, ?>) json.read(view.json(), Object.class)).get("request");
            Object stored = ((Map<?, ?>) json.read(file("op-2"), Object.class)).get("request");

            List<String> masked = new ArrayList<>();
            masked("", request(), shown, masked);
            List<String> sealed = new ArrayList<>();
            sealed("", stored, sealed);
            assertThat(masked).as("the engine masks").isNotEmpty().contains("spec.env.DB_PASSWORD", "spec.apiToken");
            for (String m : masked) {
                assertThat(sealed.stream().anyMatch(s -> m.equals(s) || m.startsWith(s + ".") || m.startsWith(s + "[")))
                        .as(m + " is masked by the views and must be sealed on disk; sealed: " + sealed).isTrue();
            }
        }
    }

    /** Paths where the view shows the mask and the request had something else (a null hides nothing). */
    private static void masked(String path, Object original, Object shown, List<String> out) {
        if ("****".equals(shown) && original != null && !"****".equals(original)) {
            out.add(path);
        } else if (original instanceof Map<?, ?> o && shown instanceof Map<?, ?> s) {
            o.forEach((k, v) -> masked(path.isEmpty() ? String.valueOf(k) : path + "." + k, v, s.get(k), out));
        } else if (original instanceof List<?> o && shown instanceof List<?> s) {
            for (int i = 0; i < o.size(); i++) {
                masked(path + "[" + i + "]", o.get(i), i < s.size() ? s.get(i) : null, out);
            }
        }
    }

    private static void sealed(String path, Object stored, List<String> out) {
        if (SecretValues.isSealed(stored)) {
            out.add(path);
        } else if (stored instanceof Map<?, ?> m) {
            m.forEach((k, v) -> sealed(path.isEmpty() ? String.valueOf(k) : path + "." + k, v, out));
        } else if (stored instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                sealed(path + "[" + i + "]", l.get(i), out);
            }
        }
    }

    @Test
    void plainSecretsWrittenByEarlierReleasesAreSealedAtStart() throws Exception {
        OperationState old = state("op-3", request());
        new DirectoryOperationStore(home.resolve("operations")).save(old);
        assertThat(file("op-3")).contains("hunter2");

        TestCipher key = new TestCipher();
        SealedOperationStore store = (SealedOperationStore) new EnginePaths(home).operationStore(key);
        for (String secret : SECRETS) {
            assertThat(file("op-3")).doesNotContain(secret);
        }
        assertThat(store.load("op-3")).contains(old);
        assertThat(store.sealPlainSecrets()).as("nothing left to seal").isZero();
    }

    @Test
    void aSealedValueOpensOnlyForItsOwnOperationAndPlace() throws Exception {
        TestCipher key = new TestCipher();
        SealedOperationStore store = (SealedOperationStore) new EnginePaths(home).operationStore(key);
        store.save(state("op-4", request()));
        @SuppressWarnings("unchecked")
        Map<String, Object> onDisk = (Map<String, Object>) ((Map<?, ?>) json.read(file("op-4"), Object.class))
                .get("request");
        Object sealedPassword = ((Map<?, ?>) ((Map<?, ?>) onDisk.get("spec")).get("env")).get("DB_PASSWORD");

        // A caller who got hold of a sealed value (or any encrypted Secret) and sends it in a request of its own:
        // it is stored as the data it is and never decrypted into that request.
        Map<String, Object> replay = request();
        @SuppressWarnings("unchecked")
        Map<String, Object> env = (Map<String, Object>) ((Map<String, Object>) replay.get("spec")).get("env");
        env.put("STOLEN", sealedPassword);
        env.put("COPIED", Map.of("$sealed", key.encrypt("hunter2")));
        store.save(state("op-5", replay));
        OperationState read = store.load("op-5").orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> readEnv = (Map<String, Object>) ((Map<String, Object>) read.request().get("spec"))
                .get("env");
        assertThat(readEnv.get("STOLEN")).isEqualTo(sealedPassword);
        assertThat(readEnv.get("COPIED")).isNotEqualTo("hunter2").isInstanceOf(Map.class);
        assertThat(readEnv.get("DB_PASSWORD")).isEqualTo("hunter2");

        // The same in a file written before sealing existed: a value encrypted with the key, but not for this
        // operation and place, does not open.
        Map<String, Object> legacy = request();
        @SuppressWarnings("unchecked")
        Map<String, Object> legacyEnv = (Map<String, Object>) ((Map<String, Object>) legacy.get("spec")).get("env");
        legacyEnv.put("COPIED", Map.of("$sealed", key.encrypt("hunter2")));
        legacyEnv.put("STOLEN", sealedPassword);
        new DirectoryOperationStore(home.resolve("operations")).save(state("op-8", legacy));
        @SuppressWarnings("unchecked")
        Map<String, Object> openedEnv = (Map<String, Object>) ((Map<String, Object>) store.load("op-8").orElseThrow()
                .request().get("spec")).get("env");
        assertThat(openedEnv.get("COPIED")).isInstanceOf(Map.class);
        assertThat(openedEnv.get("STOLEN")).as("op-4's value does not open in op-8").isEqualTo(sealedPassword);
    }

    @Test
    void aValueAnotherKeySealedStaysSealedAndTheOthersStillRead() throws Exception {
        new EnginePaths(home).operationStore(new TestCipher()).save(state("op-6", request()));
        SealedOperationStore other = (SealedOperationStore) new EnginePaths(home).operationStore(new TestCipher());
        OperationState read = other.load("op-6").orElseThrow();
        assertThat(json.write(read.request())).contains("$sealed").doesNotContain("hunter2").contains("app.jar");
        assertThat(other.list()).hasSize(1);
    }

    @Test
    void theDirectoriesAreTheControllerUsersAlone() throws Exception {
        Path root = home.resolve("cluster-deploy");
        Files.createDirectories(root.resolve("operations"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(root.resolve("operations"), PosixFilePermissions.fromString("rwxrwxrwx"));

        new EnginePaths(root).operationStore(new TestCipher()).save(state("op-7", request()));

        for (Path dir : List.of(root, root.resolve("operations"), root.resolve("accounts"))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).as(dir.toString())
                    .isEqualTo("rwx------");
        }
    }
}
