package io.clusterdeploy.standalone.server;

import io.clusterdeploy.engine.files.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes the API token to {@code <stateDir>/token}, readable by the owner only (0600), in a
 * state dir created owner-only (0700) if missing. The file is written under a temporary name and renamed,
 * so readers never see half a token and a planted symlink is replaced rather than followed. It is not forced to
 * disk: every start writes a new token, so one lost in a crash is replaced before it could be used.
 */
public final class TokenFile {
    public static final String NAME = "token";

    private TokenFile() {
    }

    /** Writes the token (an owner-only file, replaced atomically); returns the file. */
    public static Path write(Path stateDir, ApiToken token) throws IOException {
        StateDir.ensure(stateDir);
        Path target = stateDir.resolve(NAME);
        PrivateFiles.writeUnforced(target, (token.value() + "\n").getBytes(StandardCharsets.UTF_8));
        return target;
    }
}
