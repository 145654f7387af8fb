package io.jenkins.plugins.clusterdeploy.account;

import java.nio.file.Path;

/**
 * Where accounts keep their state unless configured otherwise.
 *
 * @param accountsDir {@code JENKINS_HOME/cluster-deploy/accounts}: a local account's default state directory is
 *                    {@code accountsDir/NAME}
 */
public record AccountDefaults(Path accountsDir) {
    public Path stateDirOf(String accountName) {
        return accountsDir.resolve(accountName);
    }
}
