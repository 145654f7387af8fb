package io.clusterdeploy.standalone.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenFileTest {
    @TempDir
    Path tmp;

    @Test
    void createsOwnerOnlyDirAndFile() throws Exception {
        Path state = tmp.resolve("a").resolve("state");
        ApiToken token = ApiToken.generate();

        Path file = TokenFile.write(state, token);

        assertThat(file).isEqualTo(state.resolve("token"));
        assertThat(Files.readString(file)).isEqualTo(token.value() + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rwx------");
        try (var files = Files.list(state)) {
            assertThat(files).as("no temporary file left").containsExactly(file);
        }
    }

    @Test
    void replacesAnOldTokenAndWidePermissions() throws Exception {
        Path state = Files.createDirectories(tmp.resolve("state"));
        Path old = Files.writeString(state.resolve("token"), "old\n");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
        ApiToken token = ApiToken.generate();

        TokenFile.write(state, token);

        assertThat(Files.readString(old)).isEqualTo(token.value() + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(old))).isEqualTo("rw-------");
    }

    @Test
    void aPlantedSymlinkIsReplacedNotFollowed() throws Exception {
        Path state = Files.createDirectories(tmp.resolve("state"));
        Path victim = Files.writeString(tmp.resolve("victim.txt"), "keep me\n");
        Files.createSymbolicLink(state.resolve("token"), victim);

        TokenFile.write(state, ApiToken.generate());

        assertThat(Files.readString(victim)).isEqualTo("keep me\n");
        assertThat(Files.isSymbolicLink(state.resolve("token"))).isFalse();
    }
}
