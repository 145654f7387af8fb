package io.clusterdeploy.provider.local;

import java.nio.charset.StandardCharsets;

/** The bytes of HTTP/1.1 (RFC 9112) the load balancer's parsers share: line ends, tokens, header names. */
final class HttpSyntax {
    static final byte CR = '\r';
    static final byte LF = '\n';
    static final byte[] CRLF = {CR, LF};

    static final byte[] CONNECTION = ascii("connection");
    static final byte[] KEEP_ALIVE = ascii("keep-alive");
    static final byte[] PROXY_CONNECTION = ascii("proxy-connection");
    static final byte[] TE = ascii("te");
    static final byte[] UPGRADE = ascii("upgrade");
    static final byte[] CONTENT_LENGTH = ascii("content-length");
    static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding");
    static final byte[] HOST = ascii("host");
    static final byte[] CHUNKED = ascii("chunked");
    static final byte[] CLOSE = ascii("close");

    private static final boolean[] TOKEN = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            TOKEN[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            TOKEN[c] = true;
            TOKEN[Character.toUpperCase(c)] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TOKEN[c] = true;
        }
    }

    private HttpSyntax() {
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static boolean isToken(byte b) {
        return b >= 0 && TOKEN[b];
    }

    /**
     * The index just past the blank line ending a head that starts at {@code start}, looking at bytes
     * {@code [from, to)} ({@code from} may skip what an earlier call has already seen); -1 when not there yet.
     */
    static int headEnd(byte[] b, int start, int from, int to) {
        for (int i = Math.max(start + 3, from + 3); i < to; i++) {
            if (b[i] == LF && b[i - 1] == CR && b[i - 2] == LF && b[i - 3] == CR) {
                return i + 1;
            }
        }
        return -1;
    }

    /** Case-insensitive comparison of {@code [from, to)} with a lower-case ASCII name. */
    static boolean equalsLower(byte[] b, int from, int to, byte[] lower) {
        if (to - from != lower.length) {
            return false;
        }
        for (int i = 0; i < lower.length; i++) {
            byte c = b[from + i];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lower[i]) {
                return false;
            }
        }
        return true;
    }

    /** The value of a decimal field such as Content-Length, or -1 when it is not one (empty, signs, too long). */
    static long decimal(byte[] b, int from, int to) {
        if (from >= to || to - from > 18) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    static boolean isWhitespace(byte c) {
        return c == ' ' || c == '\t';
    }
}
