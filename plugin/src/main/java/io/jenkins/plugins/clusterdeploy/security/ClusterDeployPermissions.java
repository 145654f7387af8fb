package io.jenkins.plugins.clusterdeploy.security;

import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.security.Permission;
import hudson.security.PermissionGroup;
import hudson.security.PermissionScope;
import jenkins.model.Jenkins;
import org.jvnet.localizer.Localizable;
import org.jvnet.localizer.ResourceBundleHolder;

/**
 * The "ClusterDeploy" permission group for people using the cluster view and its API: {@link #READ} to look at
 * accounts, clusters and operations, {@link #OPERATE} to start and cancel operations there (which implies READ).
 * Administrators have both. Builds are governed by each account's allowed jobs instead.
 */
public final class ClusterDeployPermissions {
    public static final PermissionGroup GROUP = new PermissionGroup("ClusterDeploy", ClusterDeployPermissions.class,
            text("group.title"));

    public static final Permission OPERATE = new Permission(GROUP, "Operate", text("operate.description"),
            Jenkins.ADMINISTER, PermissionScope.JENKINS);

    public static final Permission READ = new Permission(GROUP, "Read", text("read.description"), OPERATE,
            PermissionScope.JENKINS);

    private ClusterDeployPermissions() {
    }

    private static Localizable text(String key) {
        return new Localizable(ResourceBundleHolder.get(ClusterDeployPermissions.class), key);
    }

    /** Loads the class, so the permissions exist before the authorization strategy's configuration is read. */
    @Initializer(before = InitMilestone.SYSTEM_CONFIG_LOADED)
    public static void register() {
        // Loading the class registers the group and its permissions.
    }
}
