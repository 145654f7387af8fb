package io.clusterdeploy.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.testing.EngineHarness;
import java.util.HashMap;
import java.util.Map;

/** Requests for the cluster operations of one account, and the check that one is refused before it starts. */
final class ClusterRequests {
    private ClusterRequests() {
    }

    /** An operation of {@code type} on {@code cluster} of account "test", with {@code fields} (which may name another cluster). */
    static Map<String, Object> request(String type, String cluster, Map<String, Object> fields) {
        Map<String, Object> r = new HashMap<>(fields);
        r.put("type", type);
        r.put("account", "test");
        r.putIfAbsent("cluster", cluster);
        return r;
    }

    /** {@code start} throws with this kind and field (the message is not checked). */
    static void assertRefused(EngineHarness engine, Map<String, Object> request, ErrorKind kind, String field) {
        assertThatThrownBy(() -> engine.runner.start(request)).isInstanceOfSatisfying(ClusterDeployException.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(kind);
                    assertThat(e.field()).isEqualTo(field);
                });
    }
}
