package io.jenkins.plugins.clusterdeploy.runtime;

import io.jenkins.plugins.clusterdeploy.account.AccountDefaults;
import java.nio.file.Path;

/**
 * Where the plugin keeps its state: {@code JENKINS_HOME/cluster-deploy/}, with every operation's state in
 * {@code operations/} and local accounts' server groups in {@code accounts/NAME/} (unless configured elsewhere).
 *
 * @param root {@code JENKINS_HOME/cluster-deploy}
 */
public record EnginePaths(Path root) {
    public static EnginePaths under(Path jenkinsHome) {
        return new EnginePaths(jenkinsHome.resolve("cluster-deploy"));
    }

    public Path operations() {
        return root.resolve("operations");
    }

    public AccountDefaults accountDefaults() {
        return new AccountDefaults(root.resolve("accounts"));
    }
}
