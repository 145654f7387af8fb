package io.clusterdeploy.engine.deploy.strategy;

import io.clusterdeploy.engine.deploy.DeployStrategy;
import io.clusterdeploy.engine.deploy.Strategy;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The class of each strategy, by its id: the one place they are listed. */
public final class DeployStrategies {
    private static final Map<Strategy, DeployStrategy> BY_ID = index(List.of(
            new NoStrategy(), new Highlander(), new RedBlack(), new RollingRedBlack(), new Canary()));

    private DeployStrategies() {
    }

    private static Map<Strategy, DeployStrategy> index(List<DeployStrategy> strategies) {
        Map<Strategy, DeployStrategy> map = new EnumMap<>(Strategy.class);
        for (DeployStrategy s : strategies) {
            if (map.put(s.id(), s) != null) {
                throw new IllegalStateException("two classes for strategy " + s.id().id());
            }
        }
        for (Strategy id : Strategy.values()) {
            if (!map.containsKey(id)) {
                throw new IllegalStateException("no class for strategy " + id.id());
            }
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    public static DeployStrategy of(Strategy id) {
        return BY_ID.get(id);
    }
}
