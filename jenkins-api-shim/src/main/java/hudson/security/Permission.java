package hudson.security;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Hudson;
import io.clusterdeploy.jenkinsapishim.internal.ShimMessages;
import java.util.Set;
import org.jvnet.localizer.Localizable;

/**
 * Shim of {@code hudson.security.Permission} (Jenkins 2.541.3): plain data (group, name, id, implication, scopes)
 * and the generic root permissions with their real names. {@code fromId} and {@code getAll} are omitted.
 */
public final class Permission {
    @SuppressWarnings("rawtypes")
    public final @NonNull Class owner;

    public final @NonNull PermissionGroup group;

    private final @NonNull String id;

    public final @NonNull String name;

    public final @CheckForNull Localizable description;

    public final @CheckForNull Permission impliedBy;

    public boolean enabled;

    private final @NonNull Set<PermissionScope> scopes;

    public Permission(@NonNull PermissionGroup group, @NonNull String name,
            @CheckForNull Localizable description, @CheckForNull Permission impliedBy, boolean enable,
            @NonNull PermissionScope[] scopes) throws IllegalStateException {
        if (!isJavaIdentifier(name)) {
            throw new IllegalArgumentException(name + " is not a Java identifier");
        }
        this.owner = group.owner;
        this.group = group;
        this.name = name;
        this.description = description;
        this.impliedBy = impliedBy;
        this.enabled = enable;
        this.scopes = Set.of(scopes);
        this.id = owner.getName() + '.' + name;
        group.add(this);
    }

    public Permission(@NonNull PermissionGroup group, @NonNull String name,
            @CheckForNull Localizable description, @CheckForNull Permission impliedBy, @NonNull PermissionScope scope) {
        this(group, name, description, impliedBy, true, new PermissionScope[] {scope});
    }

    @Deprecated
    public Permission(@NonNull PermissionGroup group, @NonNull String name, @CheckForNull Localizable description,
            @CheckForNull Permission impliedBy, boolean enable) {
        this(group, name, description, impliedBy, enable, new PermissionScope[] {PermissionScope.JENKINS});
    }

    @Deprecated
    public Permission(@NonNull PermissionGroup group, @NonNull String name, @CheckForNull Localizable description,
            @CheckForNull Permission impliedBy) {
        this(group, name, description, impliedBy, PermissionScope.JENKINS);
    }

    @Deprecated
    public Permission(@NonNull PermissionGroup group, @NonNull String name, @CheckForNull Permission impliedBy) {
        this(group, name, null, impliedBy);
    }

    public boolean isContainedBy(@NonNull PermissionScope s) {
        for (PermissionScope c : scopes) {
            if (c.isContainedBy(s)) {
                return true;
            }
        }
        return false;
    }

    public @NonNull String getId() {
        return id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Permission other && getId().equals(other.getId());
    }

    @Override
    public int hashCode() {
        return getId().hashCode();
    }

    @Override
    public String toString() {
        return "Permission[" + owner + ',' + name + ']';
    }

    public void setEnabled(boolean enable) {
        enabled = enable;
    }

    public boolean getEnabled() {
        return enabled;
    }

    private static boolean isJavaIdentifier(String s) {
        if (s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0))) {
            return false;
        }
        return s.chars().skip(1).allMatch(Character::isJavaIdentifierPart);
    }

    @Deprecated
    public static final PermissionGroup HUDSON_PERMISSIONS = new PermissionGroup(Hudson.class, ShimMessages.of("Hudson.Permissions.Title"));

    @Deprecated
    public static final Permission HUDSON_ADMINISTER = new Permission(HUDSON_PERMISSIONS, "Administer",
            ShimMessages.of("Hudson.AdministerPermission.Description"), null);

    public static final PermissionGroup GROUP = new PermissionGroup(Permission.class, ShimMessages.of("Permission.Permissions.Title"));

    @Deprecated
    public static final Permission FULL_CONTROL = new Permission(GROUP, "FullControl", null, HUDSON_ADMINISTER);

    public static final Permission READ = new Permission(GROUP, "GenericRead", null, HUDSON_ADMINISTER);

    public static final Permission WRITE = new Permission(GROUP, "GenericWrite", null, HUDSON_ADMINISTER);

    public static final Permission CREATE = new Permission(GROUP, "GenericCreate", null, WRITE);

    public static final Permission UPDATE = new Permission(GROUP, "GenericUpdate", null, WRITE);

    public static final Permission DELETE = new Permission(GROUP, "GenericDelete", null, WRITE);

    public static final Permission CONFIGURE = new Permission(GROUP, "GenericConfigure", null, UPDATE);
}
