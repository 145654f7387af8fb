package io.clusterdeploy.provider.local;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.files.PrivateFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One live provider per state directory: two would both adopt and converge the same recorded groups,
 * each starting the other's replacements. The operating system drops the lock when the holding JVM
 * dies, so a crash never leaves the directory locked.
 */
final class StateDirLock implements AutoCloseable {
    static final String FILE = ".provider.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private StateDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** CONFLICT on {@code field} when another provider, in this JVM or another, holds the directory. */
    static StateDirLock acquire(Path stateDir, String field) {
        Path file = stateDir.resolve(FILE);
        FileChannel channel;
        try {
            channel = FileChannel.open(PrivateFiles.file(file), StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw ClusterDeployException.invalid(field, "cannot create the lock file " + file + ": " + e.getMessage());
        }
        FileLock lock = null;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // Held by another provider of this JVM.
        } catch (IOException e) {
            closeQuietly(channel);
            throw ClusterDeployException.invalid(field, "cannot lock " + file + ": " + e.getMessage());
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new ClusterDeployException(ErrorKind.CONFLICT, field, field + " '" + stateDir
                    + "' is in use by another running local provider (" + file + " is locked); give each account its own stateDir");
        }
        return new StateDirLock(channel, lock);
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // Closing the channel below releases it as well.
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing more to release.
        }
    }
}
