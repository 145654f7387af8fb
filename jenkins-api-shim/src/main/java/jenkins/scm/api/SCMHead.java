package jenkins.scm.api;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionList;
import hudson.ExtensionPoint;
import hudson.model.Item;
import java.util.Objects;
import jenkins.scm.api.mixin.SCMHeadMixin;

/**
 * Shim of {@code jenkins.scm.api.SCMHead} (scm-api 728.vc30dcf7a_0df5): a branch, tag or change request of a
 * multibranch project. Plain behaviour: the name; equality by class and name (the real one also compares the mixins'
 * properties). {@link HeadByItem#findHead(Item)} asks every {@link HeadByItem} extension, as the real one does; the
 * shim has no extensions, so it answers null, as Jenkins does for an item no multibranch project owns.
 */
public class SCMHead implements SCMHeadMixin {
    private static final long serialVersionUID = 1L;

    @NonNull
    private final String name;

    public SCMHead(@NonNull String name) {
        Objects.requireNonNull(name);
        this.name = name;
    }

    @Override
    @NonNull
    public String getName() {
        return name;
    }

    @Override
    public final boolean equals(Object o) {
        return this == o || (o != null && getClass() == o.getClass() && name.equals(((SCMHead) o).name));
    }

    @Override
    public final int hashCode() {
        return name.hashCode();
    }

    public int compareTo(SCMHead o) {
        return getName().compareTo(o.getName());
    }

    @Override
    public String toString() {
        return "SCMHead{'" + name + "'}";
    }

    public static abstract class HeadByItem implements ExtensionPoint {
        @CheckForNull
        public abstract SCMHead getHead(Item item);

        @CheckForNull
        public static SCMHead findHead(Item item) {
            for (HeadByItem ext : ExtensionList.lookup(HeadByItem.class)) {
                SCMHead head = ext.getHead(item);
                if (head != null) {
                    return head;
                }
            }
            return null;
        }
    }
}
