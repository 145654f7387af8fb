package io.clusterdeploy.provider.local;

/**
 * Where a message body being forwarded ends: a byte count, the chunked coding (followed byte by byte
 * through its sizes, data, and trailer section, and forwarded in that coding), or the sender's close.
 * Reused for each message of a connection.
 */
final class BodyFraming {
    private static final int SIZE = 0;
    private static final int EXTENSION = 1;
    private static final int SIZE_LF = 2;
    private static final int DATA = 3;
    private static final int DATA_CR = 4;
    private static final int DATA_LF = 5;
    private static final int TRAILER_START = 6;
    private static final int TRAILER = 7;
    private static final int TRAILER_LF = 8;
    private static final int END_LF = 9;
    private static final int DONE = 10;
    private static final int MAX_SIZE_DIGITS = 15;

    private HttpHead.Framing framing = HttpHead.Framing.NONE;
    private long remaining;
    private int state;
    private int digits;
    private boolean error;

    void start(HttpHead.Framing framing, long contentLength) {
        this.framing = framing;
        this.remaining = framing == HttpHead.Framing.LENGTH ? contentLength : 0;
        this.state = framing == HttpHead.Framing.NONE ? DONE : SIZE;
        this.digits = 0;
        this.error = false;
    }

    boolean done() {
        return state == DONE;
    }

    /** A chunked body whose framing is broken. */
    boolean error() {
        return error;
    }

    boolean untilClose() {
        return framing == HttpHead.Framing.UNTIL_CLOSE;
    }

    /** The sender closed: the end of a body delimited by the close, an error for the others. */
    void closed() {
        if (framing == HttpHead.Framing.UNTIL_CLOSE) {
            state = DONE;
        }
    }

    /** How many of the bytes {@code [from, to)} belong to the body; never past its end. */
    int take(byte[] b, int from, int to) {
        switch (framing) {
            case NONE:
                return 0;
            case UNTIL_CLOSE:
                return to - from;
            case LENGTH: {
                int n = (int) Math.min(remaining, to - from);
                remaining -= n;
                if (remaining == 0) {
                    state = DONE;
                }
                return n;
            }
            default:
                return chunked(b, from, to);
        }
    }

    private int chunked(byte[] b, int from, int to) {
        int i = from;
        while (i < to && state != DONE && !error) {
            if (state == DATA) {
                int n = (int) Math.min(remaining, to - i);
                i += n;
                remaining -= n;
                if (remaining == 0) {
                    state = DATA_CR;
                }
            } else {
                step(b[i++]);
            }
        }
        return i - from;
    }

    private void step(byte c) {
        switch (state) {
            case SIZE -> {
                int v = hex(c);
                if (v >= 0 && digits < MAX_SIZE_DIGITS) {
                    remaining = remaining * 16 + v;
                    digits++;
                } else if (digits > 0 && (c == ';' || HttpSyntax.isWhitespace(c))) {
                    state = EXTENSION;
                } else if (digits > 0 && c == HttpSyntax.CR) {
                    state = SIZE_LF;
                } else {
                    error = true;
                }
            }
            case EXTENSION -> {
                if (c == HttpSyntax.CR) {
                    state = SIZE_LF;
                } else if (c == HttpSyntax.LF || c == 0) {
                    error = true;
                }
            }
            case SIZE_LF -> {
                if (c != HttpSyntax.LF) {
                    error = true;
                } else {
                    digits = 0;
                    state = remaining == 0 ? TRAILER_START : DATA;
                }
            }
            case DATA_CR -> {
                if (c == HttpSyntax.CR) {
                    state = DATA_LF;
                } else {
                    error = true;
                }
            }
            case DATA_LF -> {
                if (c == HttpSyntax.LF) {
                    state = SIZE;
                } else {
                    error = true;
                }
            }
            case TRAILER_START -> state = c == HttpSyntax.CR ? END_LF : TRAILER;
            case TRAILER -> {
                if (c == HttpSyntax.CR) {
                    state = TRAILER_LF;
                } else if (c == HttpSyntax.LF || c == 0) {
                    error = true;
                }
            }
            case TRAILER_LF -> {
                if (c == HttpSyntax.LF) {
                    state = TRAILER_START;
                } else {
                    error = true;
                }
            }
            case END_LF -> {
                if (c == HttpSyntax.LF) {
                    state = DONE;
                } else {
                    error = true;
                }
            }
            default -> error = true;
        }
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
