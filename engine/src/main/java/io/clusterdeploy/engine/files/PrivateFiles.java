package io.clusterdeploy.engine.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Files that hold what others must not read (operation requests with their environment, command lines,
 * instance logs, tokens): directories owner-only (0700), files owner-only (0600), whatever the umask. The
 * one place the state directories of the standalone server, the local provider and Jenkins get their modes.
 * On a file system without POSIX permissions the modes are left as they are.
 */
public final class PrivateFiles {
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Creates {@code dir} and its missing parents, each owner-only. A directory that exists is left as it
     * is: a configured state directory may be one the user made (or {@code /tmp}); what goes in it is ours.
     */
    public static Path directory(Path dir) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = dir.toAbsolutePath(); p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
            missing.push(p);
        }
        while (!missing.isEmpty()) {
            Path p = missing.pop();
            try {
                Files.createDirectory(p, attributes(p, DIRECTORY));
                restrict(p); // the umask may have taken bits the attribute asked for
            } catch (FileAlreadyExistsException raced) {
                // Created meanwhile by someone else: not ours to change.
            }
        }
        if (!Files.isDirectory(dir)) {
            throw new FileAlreadyExistsException(dir.toString(), null, "exists and is not a directory");
        }
        return dir;
    }

    /**
     * A directory of our own inside a state directory ({@code operations}, {@code logs}): created as
     * {@link #directory} does, and made owner-only if it exists (an older release created it with the umask).
     */
    public static Path ownDirectory(Path dir) throws IOException {
        directory(dir);
        restrict(dir);
        return dir;
    }

    /**
     * Replaces {@code file} with {@code content} atomically: a temp file beside it, created owner-only and
     * forced to disk, is renamed over it, so a crash leaves the old content or the new, never half a file.
     */
    public static void write(Path file, byte[] content) throws IOException {
        replace(file, content, true);
    }

    /**
     * Replaces {@code file} atomically as {@link #write} does, but without forcing it to disk: for a file that is
     * rebuilt from others when it is lost or damaged (an index of the operation files), or made again at every start
     * (the API token; a forced write cost up to a quarter of a second of {@code serve}'s start-up on a busy disk).
     * Other processes see the old content or the new; a power cut may also leave it empty, which its reader treats
     * as damaged.
     */
    public static void writeUnforced(Path file, byte[] content) throws IOException {
        replace(file, content, false);
    }

    private static void replace(Path file, byte[] content, boolean force) throws IOException {
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp",
                attributes(file, FILE));
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                if (force) {
                    channel.force(true);
                }
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** An owner-only file, created empty when missing (a log a process appends to). */
    public static Path file(Path file) throws IOException {
        try {
            Files.createFile(file, attributes(file, FILE));
        } catch (FileAlreadyExistsException exists) {
            restrict(file);
        }
        return file;
    }

    /** Owner-only from now on: 0700 for a directory, 0600 for anything else. Links are left alone. */
    public static void restrict(Path path) throws IOException {
        if (posix(path) && !Files.isSymbolicLink(path)) {
            Files.setPosixFilePermissions(path, Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? DIRECTORY : FILE);
        }
    }

    private static FileAttribute<?>[] attributes(Path path, Set<PosixFilePermission> mode) {
        return posix(path) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)} : new FileAttribute<?>[0];
    }
}
