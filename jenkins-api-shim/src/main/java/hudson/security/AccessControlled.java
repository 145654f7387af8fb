package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import jenkins.model.Jenkins;
import org.springframework.security.access.AccessDeniedException;

/**
 * Shim of {@code hudson.security.AccessControlled} (Jenkins 2.541.3): the real defaults (SYSTEM2 passes, otherwise
 * ask {@link #getACL()}). The deprecated Acegi overload is omitted.
 */
public interface AccessControlled {
    @NonNull ACL getACL();

    default void checkPermission(@NonNull Permission permission) throws AccessDeniedException {
        if (Jenkins.getAuthentication2().equals(ACL.SYSTEM2)) {
            return;
        }
        getACL().checkPermission(permission);
    }

    default boolean hasPermission(@NonNull Permission permission) {
        if (Jenkins.getAuthentication2().equals(ACL.SYSTEM2)) {
            return true;
        }
        return getACL().hasPermission(permission);
    }
}
