package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.search.SearchableModelObject;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import hudson.security.PermissionGroup;
import hudson.security.PermissionScope;
import io.clusterdeploy.jenkinsapishim.internal.ShimMessages;
import jenkins.model.FullyNamed;
import jenkins.model.FullyNamedModelObject;
import jenkins.util.io.OnMaster;

/**
 * Shim of {@code hudson.model.Item} (Jenkins 2.541.3): {@link #getFullName()} and the permissions the binding
 * checks, with the real names, implications and scopes; {@link #getParent()} and {@link #getName()} (declared here
 * without {@code @Override}, since {@code jenkins.model.Named} is omitted). Other members are omitted.
 */
public interface Item extends PersistenceRoot, FullyNamedModelObject, SearchableModelObject, FullyNamed, AccessControlled, OnMaster {
    ItemGroup<? extends Item> getParent();

    @NonNull
    String getName();

    @NonNull
    @Override
    String getFullName();

    PermissionGroup PERMISSIONS = new PermissionGroup(Item.class, ShimMessages.of("Item.Permissions.Title"));
    Permission CONFIGURE =
            new Permission(
                    PERMISSIONS,
                    "Configure",
                    ShimMessages.of("Item.CONFIGURE.description"),
                    Permission.CONFIGURE,
                    PermissionScope.ITEM);
    Permission READ =
            new Permission(
                    PERMISSIONS,
                    "Read",
                    ShimMessages.of("Item.READ.description"),
                    Permission.READ,
                    PermissionScope.ITEM);
    Permission BUILD =
            new Permission(
                    PERMISSIONS,
                    "Build",
                    ShimMessages.of("AbstractProject.BuildPermission.Description"),
                    Permission.UPDATE,
                    PermissionScope.ITEM);
}
