package io.clusterdeploy.engine.operation;

import io.clusterdeploy.engine.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the fixtures of LegacyStateResumeTest: for every crash-matrix scenario, the operation files a
 * release left at several crash points, with the cloud as it was then and how the run ends. Run once, by
 * hand, with the release whose format is to be kept: -Dcd.legacyStates=DIR.
 */
@EnabledIfSystemProperty(named = "cd.legacyStates", matches = ".+")
class LegacyStateWriter {

    @Test
    void write() throws Exception {
        Path dir = Path.of(System.getProperty("cd.legacyStates"));
        Files.createDirectories(dir);
        Json json = new Json();
        for (CrashMatrixTest.Scenario scenario : CrashMatrixTest.scenarios().toList()) {
            CrashMatrixTest.World reference = CrashMatrixTest.prepared(scenario);
            reference.store.armed = true;
            OperationState end;
            try (OperationRunner r = reference.runner()) {
                end = reference.runToEnd(r, scenario.operation());
            }
            int saves = reference.store.saves;
            List<Object> points = new ArrayList<>();
            // Every third save, and the last: step starts, checkpoints inside steps and step ends alike.
            for (int k = 2; k <= saves; k++) {
                if (k % 3 != 2 && k != saves) {
                    continue;
                }
                CrashMatrixTest.World w = CrashMatrixTest.prepared(scenario);
                w.store.armed = true;
                w.store.crashAt = k;
                OperationRunner first = w.runner();
                OperationState started = first.start(scenario.operation());
                Awaitility.await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(60))
                        .until(() -> !first.isActive(started.id()));
                first.close();
                Map<String, Object> point = new LinkedHashMap<>();
                point.put("crashAt", k);
                point.put("state", json.toPlain(w.store.load(started.id()).orElseThrow()));
                point.put("cloud", w.cloud.snapshot());
                points.add(point);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("scenario", scenario.name());
            out.put("expectedStatus", end.status().name());
            out.put("expectedCluster", CrashMatrixTest.cluster(reference.cloud));
            out.put("points", points);
            Files.writeString(dir.resolve(scenario.name().replaceAll("[^A-Za-z0-9]+", "-") + ".json"), json.write(out));
        }
    }
}
