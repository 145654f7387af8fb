package io.clusterdeploy.engine.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.provider.CloudProvider;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every provider is wrapped by the guards, so a default method of the SPI that the wrapper does not override answers
 * the default for every cloud (no weights, no spec, no change notifications) whatever the cloud can do.
 */
class GuardedProviderDelegationTest {
    @Test
    void theGuardedProviderPassesEveryDefaultMethodOfTheSpiThrough() {
        List<String> missing = Arrays.stream(CloudProvider.class.getMethods()).filter(Method::isDefault)
                .filter(m -> {
                    try {
                        return GuardedCloudProvider.class.getDeclaredMethod(m.getName(), m.getParameterTypes()) == null;
                    } catch (NoSuchMethodException e) {
                        return true;
                    }
                }).map(Method::getName).sorted().toList();
        assertThat(missing).as("default SPI methods GuardedCloudProvider does not pass through").isEmpty();
    }
}
