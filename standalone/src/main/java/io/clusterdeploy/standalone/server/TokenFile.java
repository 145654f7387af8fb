package io.clusterdeploy.standalone.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes the API token to {@code <stateDir>/token}, readable by the owner only (0600), in a
 * state dir created owner-only (0700) if missing. The file is written under a temporary name and renamed,
 * so readers never see half a token and a planted symlink is replaced rather than followed.
 */
public final class TokenFile {
    public static final String NAME = "token";
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private TokenFile() {
    }

    /** Writes the token; returns the file. */
    public static Path write(Path stateDir, ApiToken token) throws IOException {
        StateDir.ensure(stateDir);
        boolean posix = StateDir.isPosix(stateDir);
        Path target = stateDir.resolve(NAME);
        Path temp = posix
                ? Files.createTempFile(stateDir, ".token-", ".tmp", PosixFilePermissions.asFileAttribute(FILE))
                : Files.createTempFile(stateDir, ".token-", ".tmp");
        try {
            if (posix) {
                // createTempFile honours the umask; make sure nothing but the owner may read.
                Files.setPosixFilePermissions(temp, FILE);
            }
            Files.writeString(temp, token.value() + "\n", StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }
}
