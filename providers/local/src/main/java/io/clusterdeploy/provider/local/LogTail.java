package io.clusterdeploy.provider.local;

import io.clusterdeploy.engine.provider.InstanceLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads the end of an instance's log file: at most {@code maxBytes} from its end, then the last lines of that, whole
 * lines only (a line cut by the byte limit is left out, unless it is all there is), decoded as UTF-8 with malformed
 * bytes replaced. The file is one the provider made itself; a symbolic link in its place is not followed.
 */
final class LogTail {
    private final int maxBytes;

    LogTail(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The last {@code maxLines} lines of {@code file}; an empty log when it does not exist (yet). */
    InstanceLog read(Path file, int maxLines) throws IOException {
        if (maxLines < 1) {
            throw new IllegalArgumentException("maxLines must be at least 1, was " + maxLines);
        }
        byte[] window;
        long size;
        try (SeekableByteChannel in = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            size = in.size();
            long start = Math.max(0, size - maxBytes);
            window = new byte[(int) (size - start)];
            ByteBuffer buffer = ByteBuffer.wrap(window);
            in.position(start);
            while (buffer.hasRemaining() && in.read(buffer) >= 0) {
                // a file that shrank meanwhile ends the read early
            }
            if (buffer.hasRemaining()) {
                window = java.util.Arrays.copyOf(window, buffer.position());
            }
        } catch (NoSuchFileException e) {
            return new InstanceLog("", 0, false, 0);
        }
        int from = 0;
        boolean cut = size > window.length;
        if (cut) {
            // The window starts inside a line: drop that part, unless the whole window is one line.
            int firstBreak = indexOf(window, 0);
            from = firstBreak >= 0 && firstBreak < window.length - 1 ? firstBreak + 1 : skipContinuationBytes(window);
        }
        // Back from the end over maxLines line breaks; a last line without its break (still being written) counts.
        int end = window.length;
        int lines = 0;
        int begin = end;
        int i = end - 1;
        if (i >= from && window[i] == '\n') {
            i--;
        }
        while (begin > from && lines < maxLines) {
            while (i >= from && window[i] != '\n') {
                i--;
            }
            begin = i + 1;
            lines++;
            i--;
        }
        boolean truncated = cut || begin > from;
        return new InstanceLog(decode(window, begin, end), lines, truncated, size);
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Past the UTF-8 continuation bytes a cut through a character leaves at the start. */
    private static int skipContinuationBytes(byte[] bytes) {
        int i = 0;
        while (i < bytes.length && i < 3 && (bytes[i] & 0xC0) == 0x80) {
            i++;
        }
        return i;
    }

    private static String decode(byte[] bytes, int from, int to) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes, from, to - from));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder cannot fail", e);
        }
    }
}
