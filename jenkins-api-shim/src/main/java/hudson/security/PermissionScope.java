package hudson.security;

import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.ModelObject;
import hudson.model.Run;
import java.util.Set;
import jenkins.model.Jenkins;

/** Shim of {@code hudson.security.PermissionScope} (Jenkins 2.541.3); {@code COMPUTER} omitted (no Computer type). */
public final class PermissionScope {
    public final Class<? extends ModelObject> modelClass;

    private final Set<PermissionScope> containers;

    public PermissionScope(Class<? extends ModelObject> modelClass, PermissionScope... containers) {
        this.modelClass = modelClass;
        this.containers = Set.of(containers);
    }

    public boolean isContainedBy(PermissionScope s) {
        if (this == s) {
            return true;
        }
        for (PermissionScope c : containers) {
            if (c.isContainedBy(s)) {
                return true;
            }
        }
        return false;
    }

    public static final PermissionScope JENKINS = new PermissionScope(Jenkins.class);

    public static final PermissionScope ITEM_GROUP = new PermissionScope(ItemGroup.class, JENKINS);

    public static final PermissionScope ITEM = new PermissionScope(Item.class, ITEM_GROUP);

    public static final PermissionScope RUN = new PermissionScope(Run.class, ITEM);
}
