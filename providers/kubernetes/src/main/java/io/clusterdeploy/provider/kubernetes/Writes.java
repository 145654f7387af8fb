package io.clusterdeploy.provider.kubernetes;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.provider.kubernetes.cache.Errors;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Writes with optimistic concurrency: an update carries the resourceVersion it was computed from, and a 409 means
 * someone else (a controller, another writer, or fabric8 retrying a write whose answer was lost) changed the object
 * first: read it again from the API server, recompute, and try again, a bounded number of times. fabric8 itself
 * retries 429, 5xx and I/O errors; this layer only adds what fabric8 cannot know, the recomputation.
 */
final class Writes {
    static final int CONFLICT_RETRIES = 5;

    private final KubernetesSerialization serialization;

    Writes(KubernetesSerialization serialization) {
        this.serialization = serialization;
    }

    /**
     * Updates an object: {@code change} gets a private copy of the current object and returns it changed, or null
     * when it already is as wanted (then nothing is written). Returns what the server stored, or the current object
     * when nothing was written, or empty when the object is gone.
     *
     * @param cached  the object as the cache has it (the first try costs no read)
     * @param fresh   reads it from the API server (after a conflict); empty when it is gone
     * @param put     writes it (an update that carries its resourceVersion)
     */
    <T extends HasMetadata> Optional<T> update(String what, T cached, Supplier<Optional<T>> fresh, UnaryOperator<T> change,
                                               UnaryOperator<T> put) {
        T current = cached;
        for (int attempt = 0; ; attempt++) {
            if (current == null) {
                return Optional.empty();
            }
            T changed = change.apply(serialization.clone(current));
            if (changed == null) {
                return Optional.of(current);
            }
            try {
                return Optional.of(put.apply(changed));
            } catch (KubernetesClientException e) {
                if (e.getCode() == 404) {
                    return Optional.empty();
                }
                if (e.getCode() != 409 || attempt >= CONFLICT_RETRIES) {
                    throw translate(what, e);
                }
                current = read(what, fresh);
            }
        }
    }

    <T> T read(String what, Supplier<Optional<T>> fresh) {
        try {
            return fresh.get().orElse(null);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return null;
            }
            throw translate(what, e);
        }
    }

    /** The engine's error for a failed request, naming what was being done; never the request itself. */
    static ClusterDeployException translate(String what, KubernetesClientException e) {
        int code = e.getCode();
        String detail = Errors.describe(e);
        return switch (code) {
            case 400, 422 -> ClusterDeployException.invalid("spec", what + ": the API server refused it: " + detail);
            case 401 -> new ClusterDeployException(ErrorKind.UNAVAILABLE, "account", what
                    + ": the API server refused the account's credentials (401); check or renew them");
            case 403 -> new ClusterDeployException(ErrorKind.UNAVAILABLE, "account", what
                    + ": forbidden by RBAC: " + detail + "; see docs/kubernetes.md for the rules the account needs");
            case 404 -> ClusterDeployException.notFound("name", what + ": not found");
            case 409 -> ClusterDeployException.conflict("name", what + ": " + detail);
            default -> new ClusterDeployException(ErrorKind.UNAVAILABLE, null, what + " failed after fabric8's retries: "
                    + detail, e);
        };
    }
}
