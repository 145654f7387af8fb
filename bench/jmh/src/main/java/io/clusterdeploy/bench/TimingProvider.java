package io.clusterdeploy.bench;

import io.clusterdeploy.engine.provider.CloudProvider;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/** The bench's provider as the engine sees it: every call passed through, the mutations timed on the current deploy's timeline. */
final class TimingProvider {
    private static final Set<String> MUTATIONS = Set.of("createServerGroup", "resize", "enable", "disable");

    private TimingProvider() {
    }

    static CloudProvider of(CloudProvider delegate, AtomicReference<DeployTimeline> timeline) {
        return (CloudProvider) Proxy.newProxyInstance(TimingProvider.class.getClassLoader(),
                new Class<?>[] {CloudProvider.class}, (proxy, method, args) -> {
                    long t0 = System.nanoTime();
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        DeployTimeline t = timeline.get();
                        if (t != null && MUTATIONS.contains(method.getName())) {
                            t.span("provider." + method.getName(), t0, System.nanoTime());
                        }
                    }
                });
    }
}
