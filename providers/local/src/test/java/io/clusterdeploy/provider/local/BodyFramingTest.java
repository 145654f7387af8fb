package io.clusterdeploy.provider.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Where a forwarded body ends, however its bytes are split between reads. */
class BodyFramingTest {
    private static final String CHUNKED = "4;ext=1\r\nWiki\r\n5\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\nX-Trailer: 1\r\n\r\n";

    /** Feeds the body in pieces of {@code piece} bytes followed by more bytes; returns how many were taken. */
    private static int feed(BodyFraming framing, String body, int piece) {
        byte[] b = (body + "NEXT REQUEST").getBytes(StandardCharsets.ISO_8859_1);
        int taken = 0;
        while (!framing.done() && !framing.error() && taken < b.length) {
            int n = framing.take(b, taken, Math.min(b.length, taken + piece));
            taken += n;
            if (n == 0) {
                break;
            }
        }
        return taken;
    }

    @Test
    void aChunkedBodyEndsAfterItsTrailersWhateverTheReads() {
        for (int piece = 1; piece <= CHUNKED.length() + 12; piece++) {
            BodyFraming framing = new BodyFraming();
            framing.start(HttpHead.Framing.CHUNKED, -1);
            assertThat(feed(framing, CHUNKED, piece)).as("pieces of %d", piece).isEqualTo(CHUNKED.length());
            assertThat(framing.done()).isTrue();
            assertThat(framing.error()).isFalse();
        }
    }

    @Test
    void aLengthEndsAtItsCount() {
        BodyFraming framing = new BodyFraming();
        framing.start(HttpHead.Framing.LENGTH, 7);
        assertThat(feed(framing, "1234567", 3)).isEqualTo(7);
        assertThat(framing.done()).isTrue();
    }

    @Test
    void brokenChunkedFramingIsAnError() {
        for (String bad : new String[] {"x\r\n", "4\r\nWikiX\r\n", "4\nWiki", "\r\n", "1234567890123456\r\n", "0\r\n\r\r"}) {
            BodyFraming framing = new BodyFraming();
            framing.start(HttpHead.Framing.CHUNKED, -1);
            feed(framing, bad, 1);
            assertThat(framing.error()).as(bad).isTrue();
        }
    }
}
