package io.clusterdeploy.engine.operation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The summaries of a store's operations, newest first, overall and per application: an update is O(log n)
 * and the newest {@code limit} of an application cost O(limit), however many operations the store holds.
 * Not thread-safe: the store guards it.
 */
final class OperationIndex {
    private static final String NO_APPLICATION = "";

    private final Map<String, OperationSummary> byId = new HashMap<>();
    private final NavigableSet<OperationSummary> all = new TreeSet<>(OperationSummary.NEWEST_FIRST);
    private final Map<String, NavigableSet<OperationSummary>> byApplication = new HashMap<>();

    private static String key(OperationSummary s) {
        return s.application() == null ? NO_APPLICATION : s.application();
    }

    void put(OperationSummary s) {
        remove(s.id());
        byId.put(s.id(), s);
        all.add(s);
        byApplication.computeIfAbsent(key(s), k -> new TreeSet<>(OperationSummary.NEWEST_FIRST)).add(s);
    }

    void remove(String id) {
        OperationSummary old = byId.remove(id);
        if (old != null) {
            all.remove(old);
            NavigableSet<OperationSummary> app = byApplication.get(key(old));
            app.remove(old);
            if (app.isEmpty()) {
                byApplication.remove(key(old));
            }
        }
    }

    Optional<OperationSummary> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    boolean contains(String id) {
        return byId.containsKey(id);
    }

    List<OperationSummary> all() {
        return List.copyOf(all);
    }

    List<OperationSummary> newest(String application, int limit) {
        NavigableSet<OperationSummary> set = application == null ? all : byApplication.get(application);
        return set == null ? List.of() : set.stream().limit(limit).toList();
    }

    int size() {
        return byId.size();
    }
}
