package io.clusterdeploy.standalone.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reads a request body as UTF-8, stopping at the size limit instead of buffering whatever arrives. */
final class BodyReader {
    private final int maxBytes;

    BodyReader(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The result: the body text, or why it was refused. */
    record Result(String body, Rejection rejection) {
    }

    Result read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            return new Result(null, BodySizeRule.tooLarge(maxBytes));
        }
        if (bytes.length == 0) {
            return new Result(null, null);
        }
        Optional<String> text = utf8(bytes);
        return text.map(t -> new Result(t, null)).orElseGet(() -> new Result(null,
                new Rejection(400, "INVALID_INPUT", "body", "request body is not valid UTF-8")));
    }

    private static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
