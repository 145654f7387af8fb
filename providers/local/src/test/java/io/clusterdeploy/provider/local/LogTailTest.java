package io.clusterdeploy.provider.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.provider.InstanceLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {
    @TempDir
    Path dir;

    private Path file(byte[] content) throws IOException {
        return Files.write(dir.resolve("i.log"), content);
    }

    private Path file(String content) throws IOException {
        return file(content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theLastLinesWithOrWithoutAFinalBreak() throws IOException {
        LogTail tail = new LogTail(1024);
        assertThat(tail.read(file("a\nb\nc\n"), 2)).isEqualTo(new InstanceLog("b\nc\n", 2, true, 6));
        assertThat(tail.read(file("a\nb\nc\n"), 3)).isEqualTo(new InstanceLog("a\nb\nc\n", 3, false, 6));
        assertThat(tail.read(file("a\nb\nc\n"), 9)).isEqualTo(new InstanceLog("a\nb\nc\n", 3, false, 6));
        assertThat(tail.read(file("a\nb\npart"), 2)).isEqualTo(new InstanceLog("b\npart", 2, true, 8));
        assertThat(tail.read(file("\n\n"), 5)).isEqualTo(new InstanceLog("\n\n", 2, false, 2));
        assertThat(tail.read(file(""), 5)).isEqualTo(new InstanceLog("", 0, false, 0));
        assertThat(tail.read(dir.resolve("missing.log"), 5)).isEqualTo(new InstanceLog("", 0, false, 0));
        assertThatThrownBy(() -> tail.read(file("a\n"), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theByteBoundDropsTheLineItCutsUnlessItIsTheOnlyOne() throws IOException {
        LogTail tail = new LogTail(10);
        // The last 10 bytes are "ne\nlast 1\n": the cut "ne" goes.
        assertThat(tail.read(file("first line\nlast 1\n"), 100)).isEqualTo(new InstanceLog("last 1\n", 1, true, 18));
        // One line longer than the bound: its end.
        assertThat(tail.read(file("0123456789abcdef\n"), 100).text()).isEqualTo("789abcdef\n");
    }

    @Test
    void bytesThatAreNotUtf8AreReplacedAndACutCharacterIsSkipped() throws IOException {
        assertThat(new LogTail(1024).read(file(new byte[] {'o', 'k', (byte) 0xff, (byte) 0xfe, '\n'}), 5).text())
                .isEqualTo("ok\uFFFD\uFFFD\n");
        // "é" is two bytes; a bound of 4 keeps only its second one ahead of "xy\n"... in a single line: skipped.
        byte[] e = "\u00e9xy\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[e.length + 1];
        content[0] = 'a';
        System.arraycopy(e, 0, content, 1, e.length);
        assertThat(new LogTail(4).read(file(content), 5).text()).isEqualTo("xy\n");
    }

    @Test
    void aSymbolicLinkInPlaceOfTheLogIsNotFollowed() throws IOException {
        Path secret = Files.writeString(dir.resolve("elsewhere"), "not the log\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.log"), secret);
        assertThatThrownBy(() -> new LogTail(1024).read(link, 5)).isInstanceOf(IOException.class);
    }
}
