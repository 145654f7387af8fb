package io.clusterdeploy.bench;

import io.clusterdeploy.engine.testing.SyntheticProviderFactory;
import io.clusterdeploy.standalone.config.AccountConfig;
import io.clusterdeploy.standalone.config.StandaloneConfig;
import io.clusterdeploy.standalone.server.StandaloneServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Serves one synthetic account through the real standalone server (Jetty, the engine's API and its read cache, gzip)
 * for bench/cluster-view.sh: prints {@code READY <api url>} and runs until killed.
 * Arguments: server groups, instances per group.
 */
public final class ClusterViewHost {
    private ClusterViewHost() {
    }

    public static void main(String[] args) throws Exception {
        int groups = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int instances = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path state = Files.createTempDirectory("cluster-view-bench");
        StandaloneConfig config = new StandaloneConfig(state, List.of(new AccountConfig("synthetic",
                SyntheticProviderFactory.TYPE, Map.of("application", "big", "serverGroups", groups,
                        "instancesPerGroup", instances, "groupsPerCluster", 10))));
        StandaloneServer server = StandaloneServer.start(config, "bench", 0);
        System.out.println("READY " + server.url());
        System.out.flush();
        Thread.currentThread().join();
    }
}
