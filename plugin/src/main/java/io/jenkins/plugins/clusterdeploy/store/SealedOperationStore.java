package io.jenkins.plugins.clusterdeploy.store;

import io.clusterdeploy.engine.json.Json;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.operation.OperationStore;
import io.clusterdeploy.engine.operation.OperationSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine's operation store with the secret values of each request ({@link SecretValues}) encrypted on the way
 * to disk and decrypted on the way back, so that the engine, which resumes operations from their stored request,
 * works with the real values while the files hold none. A sealed value is written as
 * {@code {"$sealed": "..."}}: the encryption of the value (as JSON, so it keeps its type) together with the
 * operation's id and the value's path. Only a sealed value of this operation at this path opens: one a caller sent
 * in a request (say, an encrypted {@code Secret} copied from some {@code config.xml}) is sealed again like any value
 * and never decrypted. A value that cannot be opened (the controller's key changed) stays sealed and is logged by
 * operation id: that operation cannot resume, and nothing else fails. Values stored in plain text before this store
 * existed read as they are and are sealed by {@link #sealPlainSecrets()} or at their next save.
 */
public final class SealedOperationStore implements OperationStore {
    private static final Logger LOG = Logger.getLogger(SealedOperationStore.class.getName());

    private final OperationStore delegate;
    private final SecretCipher cipher;
    private final Json json = new Json();

    public SealedOperationStore(OperationStore delegate, SecretCipher cipher) {
        this.delegate = delegate;
        this.cipher = cipher;
    }

    @Override
    public void save(OperationState state) {
        delegate.save(withRequest(state, seal(state.id(), state.request())));
    }

    @Override
    public void saveUnforced(OperationState state) {
        delegate.saveUnforced(withRequest(state, seal(state.id(), state.request())));
    }

    @Override
    public Optional<OperationState> load(String id) {
        return delegate.load(id).map(this::open);
    }

    @Override
    public List<OperationSummary> summaries() {
        return delegate.summaries();
    }

    @Override
    public List<OperationSummary> summaries(String application, int limit) {
        return delegate.summaries(application, limit);
    }

    @Override
    public void delete(String id) {
        delegate.delete(id);
    }

    @Override
    public void setAside(String id, String reason) {
        delegate.setAside(id, reason);
    }

    @Override
    public List<String> problems() {
        return delegate.problems();
    }

    /** Rewrites every stored operation that still holds a secret in plain text; returns how many. */
    public int sealPlainSecrets() {
        int sealed = 0;
        for (OperationState s : delegate.list()) {
            AtomicBoolean plain = new AtomicBoolean();
            SecretValues.map(s.request(), (path, v) -> {
                if (!SecretValues.isSealed(v)) {
                    plain.set(true);
                }
                return v;
            });
            if (plain.get()) {
                save(open(s));
                sealed++;
            }
        }
        return sealed;
    }

    private Map<String, Object> seal(String id, Map<String, Object> request) {
        return asMap(SecretValues.map(request, (path, v) -> {
            Map<String, Object> envelope = new LinkedHashMap<>();
            envelope.put("operation", id);
            envelope.put("path", path);
            envelope.put("value", v);
            return Map.of(SecretValues.SEALED, cipher.encrypt(json.write(envelope)));
        }));
    }

    private OperationState open(OperationState s) {
        AtomicBoolean failed = new AtomicBoolean();
        Map<String, Object> request = asMap(SecretValues.map(s.request(), (path, v) -> {
            if (!SecretValues.isSealed(v)) {
                return v;
            }
            Optional<Object> value = cipher.decrypt((String) ((Map<?, ?>) v).get(SecretValues.SEALED))
                    .flatMap(text -> envelopeValue(text, s.id(), path));
            if (value.isEmpty()) {
                failed.set(true);
                return v;
            }
            return value.get();
        }));
        if (failed.get()) {
            LOG.log(Level.WARNING, "operation {0}: a secret value of its request cannot be decrypted with this"
                    + " controller''s key; it stays sealed and the operation cannot resume", s.id());
        }
        return withRequest(s, request);
    }

    /** The value sealed for operation {@code id} at {@code path}; empty for anything else. */
    private Optional<Object> envelopeValue(String text, String id, String path) {
        Object parsed;
        try {
            parsed = json.read(text, Object.class);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (parsed instanceof Map<?, ?> m && id.equals(m.get("operation")) && path.equals(m.get("path"))
                && m.containsKey("value")) {
            return Optional.ofNullable(m.get("value"));
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    private static OperationState withRequest(OperationState s, Map<String, Object> request) {
        return new OperationState(s.id(), s.type(), s.target(), s.failIfBusy(), request, s.status(), s.phase(),
                s.nextStep(), s.steps(), s.context(), s.error(), s.cancelRequested(), s.cancellation(),
                s.createdAt(), s.updatedAt());
    }
}
