package io.clusterdeploy.engine.operation;

import io.clusterdeploy.engine.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps operations in memory, as the JSON a durable store would write, so that anything that
 * does not survive serialisation fails here too.
 */
public final class InMemoryOperationStore implements OperationStore {
    private final Json json = new Json();
    private final Map<String, String> byId = new ConcurrentHashMap<>();
    private final Map<String, OperationSummary> summaries = new ConcurrentHashMap<>();
    private final Map<String, String> setAside = new ConcurrentHashMap<>();

    @Override
    public void save(OperationState state) {
        byId.put(state.id(), json.write(state));
        summaries.put(state.id(), OperationSummary.of(state));
    }

    @Override
    public Optional<OperationState> load(String id) {
        return Optional.ofNullable(byId.get(id)).map(s -> json.read(s, OperationState.class));
    }

    @Override
    public List<OperationSummary> summaries() {
        return summaries.values().stream().sorted(OperationSummary.NEWEST_FIRST).toList();
    }

    @Override
    public void delete(String id) {
        byId.remove(id);
        summaries.remove(id);
    }

    @Override
    public void setAside(String id, String reason) {
        if (byId.remove(id) != null) {
            summaries.remove(id);
            setAside.put(id, reason);
        }
    }

    /** Why each operation set aside was, by id. */
    public Map<String, String> setAside() {
        return Map.copyOf(setAside);
    }
}
