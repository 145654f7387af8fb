package io.clusterdeploy.standalone.server;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The state dir holds the API token, so a dir we create is owner-only (0700). A dir that existed
 * before keeps its permissions: it may be shared on purpose, and the token file is 0600 anyway.
 */
public final class StateDir {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private StateDir() {
    }

    /** Creates {@code dir} owner-only if it is missing. */
    public static void ensure(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (Files.exists(dir)) {
            throw new FileAlreadyExistsException(dir.toString(), null, "the state dir exists but is not a directory");
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        boolean posix = isPosix(dir);
        Files.createDirectory(dir, posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0]);
        restrict(dir);
    }

    /**
     * Makes a dir created during this start owner-only: providers may have created it (as the
     * parent of their own state) with the default permissions before the token is written.
     */
    public static void restrict(Path dir) throws IOException {
        if (isPosix(dir) && Files.isDirectory(dir)) {
            // Explicitly, because creation honours the umask.
            Files.setPosixFilePermissions(dir, OWNER_ONLY);
        }
    }

    static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
