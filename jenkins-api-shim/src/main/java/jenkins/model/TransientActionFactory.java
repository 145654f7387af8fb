package jenkins.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import hudson.model.Action;
import java.util.Collection;

/** Shim of {@code jenkins.model.TransientActionFactory} (Jenkins 2.541.3); its internal cache is omitted. */
public abstract class TransientActionFactory<T> implements ExtensionPoint {

    public abstract Class<T> type();

    public Class<? extends Action> actionType() {
        return Action.class;
    }

    public abstract @NonNull Collection<? extends Action> createFor(@NonNull T target);
}
