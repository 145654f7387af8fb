package io.clusterdeploy.provider.kubernetes.cache;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.provider.kubernetes.manifest.Keys;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * One namespace of one account as watched by informers: its ReplicaSets and pods (those of server groups, by label),
 * Services, EndpointSlices and NetworkPolicies. Reads of the model come from here and cost no request; an
 * informer's watch delivers a change within moments, and there is no periodic re-list (resync 0). Writes wait here
 * for their own effect ({@link #awaitVersion}, {@link #awaitGone}), so every operation reads its own writes.
 */
public final class NamespaceCache implements AutoCloseable {
    private final String namespace;
    private final Changes changes;
    private final SharedIndexInformer<ReplicaSet> replicaSets;
    private final SharedIndexInformer<Pod> pods;
    private final SharedIndexInformer<Service> services;
    private final SharedIndexInformer<EndpointSlice> endpointSlices;
    private final SharedIndexInformer<NetworkPolicy> networkPolicies;
    private final CompletableFuture<Void> synced;

    public NamespaceCache(KubernetesClient client, String namespace, Changes changes) {
        this.namespace = namespace;
        this.changes = changes;
        this.replicaSets = watch(client.apps().replicaSets().inNamespace(namespace).withLabel(Keys.SERVER_GROUP)
                .runnableInformer(0));
        this.pods = watch(client.pods().inNamespace(namespace).withLabel(Keys.SERVER_GROUP).runnableInformer(0));
        this.services = watch(client.services().inNamespace(namespace).runnableInformer(0));
        this.endpointSlices = watch(client.discovery().v1().endpointSlices().inNamespace(namespace)
                .runnableInformer(0));
        this.networkPolicies = watch(client.network().v1().networkPolicies().inNamespace(namespace)
                .runnableInformer(0));
        this.synced = CompletableFuture.allOf(
                replicaSets.start().toCompletableFuture(), pods.start().toCompletableFuture(),
                services.start().toCompletableFuture(), endpointSlices.start().toCompletableFuture(),
                networkPolicies.start().toCompletableFuture());
        synced.whenComplete((v, e) -> changes.bump());
    }

    private <T extends HasMetadata> SharedIndexInformer<T> watch(SharedIndexInformer<T> informer) {
        informer.addEventHandler(new ResourceEventHandler<T>() {
            @Override
            public void onAdd(T obj) {
                changes.bump();
            }

            @Override
            public void onUpdate(T oldObj, T newObj) {
                changes.bump();
            }

            @Override
            public void onDelete(T obj, boolean deletedFinalStateUnknown) {
                changes.bump();
            }
        });
        return informer;
    }

    public String namespace() {
        return namespace;
    }

    /** Waits (bounded) for the first list of every informer; UNAVAILABLE when the cluster cannot be read. */
    public void awaitSynced(Duration timeout) {
        try {
            boolean done = changes.await(() -> synced.isDone() && allSynced(), timeout);
            if (synced.isCompletedExceptionally()) {
                synced.join();
            }
            if (!done) {
                throw new ClusterDeployException(ErrorKind.UNAVAILABLE, null, "namespace '" + namespace
                        + "' could not be read within " + timeout.toSeconds() + " s; is the API server reachable?");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterDeployException(ErrorKind.UNAVAILABLE, null, "interrupted while reading namespace '"
                    + namespace + "'");
        } catch (java.util.concurrent.CompletionException e) {
            throw new ClusterDeployException(ErrorKind.UNAVAILABLE, null, "namespace '" + namespace
                    + "' cannot be watched: " + Errors.describe(e.getCause()), e.getCause());
        }
    }

    private boolean allSynced() {
        return replicaSets.hasSynced() && pods.hasSynced() && services.hasSynced() && endpointSlices.hasSynced()
                && networkPolicies.hasSynced();
    }

    public List<ReplicaSet> replicaSets() {
        return replicaSets.getStore().list();
    }

    public Optional<ReplicaSet> replicaSet(String name) {
        return Optional.ofNullable(replicaSets.getStore().getByKey(key(name)));
    }

    public List<Pod> podsOf(String serverGroup) {
        return pods.getStore().list().stream()
                .filter(p -> serverGroup.equals(labels(p).get(Keys.SERVER_GROUP)))
                .toList();
    }

    public List<Service> services() {
        return services.getStore().list();
    }

    public Optional<Service> service(String name) {
        return Optional.ofNullable(services.getStore().getByKey(key(name)));
    }

    public List<EndpointSlice> endpointSlicesOf(String service) {
        return endpointSlices.getStore().list().stream()
                .filter(s -> service.equals(labels(s).get("kubernetes.io/service-name")))
                .toList();
    }

    public List<NetworkPolicy> networkPolicies() {
        return networkPolicies.getStore().list();
    }

    public Optional<NetworkPolicy> networkPolicy(String name) {
        return Optional.ofNullable(networkPolicies.getStore().getByKey(key(name)));
    }

    public Optional<Pod> pod(String name) {
        return Optional.ofNullable(pods.getStore().getByKey(key(name)));
    }

    /**
     * Waits until the cache shows {@code written}, or a newer version of it, or (when the watch has gone past that
     * version) its deletion: what a write must wait for before the operation reads again.
     */
    public void awaitVersion(HasMetadata written, Duration timeout) throws InterruptedException {
        String kind = written.getKind();
        String name = written.getMetadata().getName();
        String rv = written.getMetadata().getResourceVersion();
        boolean done = changes.await(() -> {
            Optional<? extends HasMetadata> cached = lookup(kind, name);
            if (cached.isPresent()) {
                return ResourceVersions.atLeast(cached.get().getMetadata().getResourceVersion(), rv);
            }
            return ResourceVersions.atLeast(informer(kind).lastSyncResourceVersion(), rv);
        }, timeout);
        if (!done) {
            throw new ClusterDeployException(ErrorKind.UNAVAILABLE, null, "the watch of " + kind + " " + namespace + "/"
                    + name + " did not deliver version " + rv + " within " + timeout.toSeconds() + " s");
        }
    }

    private SharedIndexInformer<?> informer(String kind) {
        return switch (kind) {
            case "ReplicaSet" -> replicaSets;
            case "Pod" -> pods;
            case "Service" -> services;
            case "NetworkPolicy" -> networkPolicies;
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** Waits until the cache no longer holds the object. */
    public void awaitGone(String kind, String name, Duration timeout) throws InterruptedException {
        if (!changes.await(() -> lookup(kind, name).isEmpty(), timeout)) {
            throw new ClusterDeployException(ErrorKind.UNAVAILABLE, null, "the watch of " + kind + " " + namespace + "/"
                    + name + " did not deliver its deletion within " + timeout.toSeconds() + " s");
        }
    }

    private Optional<? extends HasMetadata> lookup(String kind, String name) {
        return switch (kind) {
            case "ReplicaSet" -> replicaSet(name);
            case "Pod" -> pod(name);
            case "Service" -> service(name);
            case "NetworkPolicy" -> networkPolicy(name);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private String key(String name) {
        return namespace + "/" + name;
    }

    private static java.util.Map<String, String> labels(HasMetadata o) {
        java.util.Map<String, String> l = o.getMetadata().getLabels();
        return l == null ? java.util.Map.of() : l;
    }

    @Override
    public void close() {
        for (SharedIndexInformer<?> i : List.of(replicaSets, pods, services, endpointSlices, networkPolicies)) {
            i.stop();
        }
    }
}
