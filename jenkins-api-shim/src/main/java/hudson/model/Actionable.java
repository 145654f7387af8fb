package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Shim of {@code hudson.model.Actionable} (Jenkins 2.541.3).
 * Keeps the persisted action list as plain data (no {@code TransientActionFactory} contributions).
 * The real class also implements {@code ModelObjectWithContextMenu}, omitted here.
 */
public abstract class Actionable extends AbstractModelObject {
    private final List<Action> actions = new CopyOnWriteArrayList<>();

    @Deprecated
    @NonNull
    public List<Action> getActions() {
        return actions;
    }

    public <T extends Action> List<T> getActions(Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Action a : actions) {
            if (type.isInstance(a)) {
                found.add(type.cast(a));
            }
        }
        return found;
    }

    public void addAction(@NonNull Action a) {
        if (a == null) {
            throw new IllegalArgumentException("Action must be non-null");
        }
        actions.add(a);
    }

    public <T extends Action> T getAction(Class<T> type) {
        for (Action a : actions) {
            if (type.isInstance(a)) {
                return type.cast(a);
            }
        }
        return null;
    }
}
