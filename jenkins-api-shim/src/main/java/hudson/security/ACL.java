package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.function.BiFunction;
import jenkins.model.Jenkins;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Shim of {@code hudson.security.ACL} (Jenkins 2.541.3): permission checks against the current Spring Security
 * authentication, {@link #lambda2} and {@link #SYSTEM2}. Impersonation ({@code as2}) and the Acegi API are omitted.
 * The denial message differs from the real {@code AccessDeniedException3}.
 */
public abstract class ACL {
    public static final Authentication SYSTEM2 = new UsernamePasswordAuthenticationToken("SYSTEM", "SYSTEM");

    public final void checkPermission(@NonNull Permission p) {
        Authentication a = Jenkins.getAuthentication2();
        if (a.equals(SYSTEM2)) {
            return;
        }
        if (!hasPermission2(a, p)) {
            throw new AccessDeniedException(a.getName() + " is missing the " + p.group.getId() + "/" + p.name + " permission");
        }
    }

    public final boolean hasPermission(@NonNull Permission p) {
        Authentication a = Jenkins.getAuthentication2();
        if (a.equals(SYSTEM2)) {
            return true;
        }
        return hasPermission2(a, p);
    }

    public boolean hasPermission2(@NonNull Authentication a, @NonNull Permission permission) {
        throw new AbstractMethodError("implement hasPermission2");
    }

    public static ACL lambda2(final BiFunction<Authentication, Permission, Boolean> impl) {
        return new ACL() {
            @Override
            public boolean hasPermission2(@NonNull Authentication a, @NonNull Permission permission) {
                return impl.apply(a, permission);
            }
        };
    }
}
