package jenkins.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.model.ItemGroup;
import hudson.model.TopLevelItem;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import hudson.security.PermissionGroup;
import hudson.security.PermissionScope;
import io.clusterdeploy.jenkinsapishim.internal.ShimMessages;
import jakarta.servlet.ServletContext;
import java.io.File;
import java.io.IOException;
import java.util.Set;
import jenkins.util.io.OnMaster;
import org.jvnet.hudson.reactor.ReactorException;
import org.kohsuke.stapler.StaplerProxy;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Shim of {@code jenkins.model.Jenkins} (Jenkins 2.541.3). There is never a running instance here:
 * {@link #getInstanceOrNull()} returns null and {@link #get()} throws {@link IllegalStateException}, as the real
 * ones do outside Jenkins. The real class extends {@code AbstractCIBase} and reaches {@code ItemGroup<TopLevelItem>}
 * through {@code DirectlyModifiableTopLevelItemGroup}; the shim implements {@code ItemGroup<TopLevelItem>} directly
 * and omits the other interfaces ({@code StaplerFallback}, {@code ModifiableViewGroup}, {@code DescriptorByNameOwner},
 * {@code ModelObjectWithContextMenu}, {@code ModelObjectWithChildren}).
 */
public class Jenkins implements ItemGroup<TopLevelItem>, StaplerProxy, AccessControlled, OnMaster, Loadable {

    @SuppressWarnings("deprecation")
    public static final PermissionGroup PERMISSIONS = Permission.HUDSON_PERMISSIONS;

    @SuppressWarnings("deprecation")
    public static final Permission ADMINISTER = Permission.HUDSON_ADMINISTER;

    public static final Permission READ = new Permission(PERMISSIONS, "Read",
            ShimMessages.of("Hudson.ReadPermission.Description"), Permission.READ, PermissionScope.JENKINS);

    public static final Authentication ANONYMOUS2 =
            new AnonymousAuthenticationToken("anonymous", "anonymous", Set.of(new SimpleGrantedAuthority("anonymous")));

    protected Jenkins(File root, ServletContext context) throws IOException, InterruptedException, ReactorException {
    }

    @NonNull
    public static Jenkins get() throws IllegalStateException {
        Jenkins instance = getInstanceOrNull();
        if (instance == null) {
            throw new IllegalStateException("Jenkins.instance is missing (jenkins-api-shim: there is no running Jenkins)");
        }
        return instance;
    }

    @CheckForNull
    public static Jenkins getInstanceOrNull() {
        return null;
    }

    public @Nullable String getRootUrl() throws IllegalStateException {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }

    public static @NonNull Authentication getAuthentication2() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a == null ? ANONYMOUS2 : a;
    }

    @NonNull
    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }

    @Override
    public String getFullName() {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }

    @Override
    public String getFullDisplayName() {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }

    @Override
    public File getRootDir() {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }

    @Override
    public synchronized void save() throws IOException {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }

    @Override
    public void load() throws IOException {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }

    @Override
    public Object getTarget() {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }
}
