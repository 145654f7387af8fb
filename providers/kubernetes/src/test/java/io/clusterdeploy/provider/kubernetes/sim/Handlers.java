package io.clusterdeploy.provider.kubernetes.sim;

import io.fabric8.kubernetes.client.informers.ResourceEventHandler;

/** An informer handler that only says "something changed". */
final class Handlers {
    private Handlers() {
    }

    static <T> ResourceEventHandler<T> poke(Runnable poke) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T obj) {
                poke.run();
            }

            @Override
            public void onUpdate(T oldObj, T newObj) {
                poke.run();
            }

            @Override
            public void onDelete(T obj, boolean deletedFinalStateUnknown) {
                poke.run();
            }
        };
    }
}
