package io.jenkins.plugins.clusterdeploy.runtime;

import io.clusterdeploy.engine.operation.DirectoryOperationStore;
import io.clusterdeploy.engine.operation.OperationStore;
import io.jenkins.plugins.clusterdeploy.account.AccountDefaults;
import io.jenkins.plugins.clusterdeploy.store.SealedOperationStore;
import io.jenkins.plugins.clusterdeploy.store.SecretCipher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where the plugin keeps its state: {@code JENKINS_HOME/cluster-deploy/}, with every operation's state in
 * {@code operations/} and local accounts' server groups in {@code accounts/NAME/} (unless configured elsewhere).
 * Operations hold deploy requests ({@code env} included) and local accounts their processes' settings, so these
 * directories are the controller user's alone (0700): no other local user can reach a file below them, whatever
 * mode the file itself has.
 *
 * @param root {@code JENKINS_HOME/cluster-deploy}
 */
public record EnginePaths(Path root) {
    private static final Logger LOG = Logger.getLogger(EnginePaths.class.getName());
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    public static EnginePaths under(Path jenkinsHome) {
        return new EnginePaths(jenkinsHome.resolve("cluster-deploy"));
    }

    public Path operations() {
        return root.resolve("operations");
    }

    public AccountDefaults accountDefaults() {
        return new AccountDefaults(root.resolve("accounts"));
    }

    /** Creates the root, {@code operations/} and {@code accounts/} as 0700, tightening them if they exist already. */
    public void createPrivateDirectories() {
        for (Path dir : new Path[] {root, operations(), accountDefaults().accountsDir()}) {
            try {
                Files.createDirectories(dir);
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(dir, OWNER_ONLY);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + dir + " for the controller's user alone", e);
            }
        }
    }

    /**
     * The operation store under these paths: the engine's directory store, behind the one that encrypts the
     * secret values of requests with {@code cipher}; values stored in plain text by earlier releases are sealed now.
     */
    public OperationStore operationStore(SecretCipher cipher) {
        createPrivateDirectories();
        SealedOperationStore store = new SealedOperationStore(new DirectoryOperationStore(operations()), cipher);
        try {
            store.sealPlainSecrets();
        } catch (RuntimeException e) {
            // A file the engine cannot read must not keep it from starting; the engine reports such files itself.
            LOG.log(Level.WARNING, "could not seal the secrets of every stored operation in " + operations(), e);
        }
        return store;
    }
}
