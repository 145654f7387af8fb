package io.clusterdeploy.engine.deploy.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.deploy.Strategy;
import io.clusterdeploy.engine.model.Capacity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeployStrategiesTest {

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void everyStrategyIdHasItsOwnClass(Strategy id) {
        assertThat(DeployStrategies.of(id).id()).isEqualTo(id);
        assertThat(DeployStrategies.of(id).getClass().getPackageName()).isEqualTo(getClass().getPackageName());
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void onlyRollingRedBlackCreatesTheNewGroupEmpty(Strategy id) {
        Capacity target = new Capacity(2, 3, 5);
        Capacity initial = DeployStrategies.of(id).initialCapacity(target);
        assertThat(initial).isEqualTo(id == Strategy.ROLLINGREDBLACK ? new Capacity(0, 0, 5) : target);
    }
}
