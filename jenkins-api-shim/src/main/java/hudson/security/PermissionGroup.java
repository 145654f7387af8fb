package hudson.security;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jvnet.localizer.Localizable;

/** Shim of {@code hudson.security.PermissionGroup} (Jenkins 2.541.3): plain data with the real registration rules. */
public final class PermissionGroup implements Iterable<Permission>, Comparable<PermissionGroup> {
    private static final SortedSet<PermissionGroup> ALL = new TreeSet<>();

    private final SortedSet<Permission> permissions = new TreeSet<>(Comparator.comparing(Permission::getId));

    @NonNull
    @SuppressWarnings("rawtypes")
    public final Class owner;

    public final Localizable title;

    private final String id;

    @SuppressWarnings("rawtypes")
    public PermissionGroup(@NonNull Class owner, Localizable title) throws IllegalStateException {
        this(title.toString(Locale.ENGLISH), owner, title);
    }

    @SuppressWarnings("rawtypes")
    public PermissionGroup(String id, @NonNull Class owner, Localizable title) throws IllegalStateException {
        this.owner = owner;
        this.title = title;
        this.id = id;
        register(this);
    }

    public String getId() {
        return id;
    }

    public String getOwnerClassName() {
        return owner.getName();
    }

    @Override
    public Iterator<Permission> iterator() {
        return getPermissions().iterator();
    }

    synchronized void add(Permission p) {
        if (!permissions.add(p)) {
            throw new IllegalStateException("a second Permission was registered for " + p.getId());
        }
    }

    public synchronized List<Permission> getPermissions() {
        return new ArrayList<>(permissions);
    }

    public synchronized Permission find(String name) {
        for (Permission p : permissions) {
            if (p.name.equals(name)) {
                return p;
            }
        }
        return null;
    }

    @Override
    public int compareTo(PermissionGroup that) {
        int byOrder = Integer.compare(order(), that.order());
        return byOrder != 0 ? byOrder : getOwnerClassName().compareTo(that.getOwnerClassName());
    }

    private int order() {
        return "hudson.model.Hudson".equals(getOwnerClassName()) ? 0 : 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PermissionGroup other && getOwnerClassName().equals(other.getOwnerClassName());
    }

    @Override
    public int hashCode() {
        return getOwnerClassName().hashCode();
    }

    public synchronized int size() {
        return permissions.size();
    }

    @Override
    public String toString() {
        return "PermissionGroup[" + getOwnerClassName() + "]";
    }

    private static synchronized void register(PermissionGroup g) {
        if (!ALL.add(g)) {
            throw new IllegalStateException("a second PermissionGroup was registered for " + g.getOwnerClassName());
        }
    }

    public static synchronized List<PermissionGroup> getAll() {
        return new ArrayList<>(ALL);
    }

    @SuppressWarnings("rawtypes")
    public static synchronized @CheckForNull PermissionGroup get(Class owner) {
        for (PermissionGroup g : ALL) {
            if (g.owner == owner) {
                return g;
            }
        }
        return null;
    }
}
