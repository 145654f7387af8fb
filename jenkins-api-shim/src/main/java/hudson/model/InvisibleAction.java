package hudson.model;

/** Shim of {@code hudson.model.InvisibleAction} (Jenkins 2.541.3): no icon, no name, no URL. */
public abstract class InvisibleAction implements Action {
    @Override
    public final String getIconFileName() {
        return null;
    }

    @Override
    public final String getDisplayName() {
        return null;
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
