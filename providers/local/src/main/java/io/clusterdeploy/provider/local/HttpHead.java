package io.clusterdeploy.provider.local;

import static io.clusterdeploy.provider.local.HttpSyntax.CR;
import static io.clusterdeploy.provider.local.HttpSyntax.LF;
import static io.clusterdeploy.provider.local.HttpSyntax.equalsLower;

/**
 * One parsed request or response head (RFC 9112), read in place from the connection's buffer and
 * reused for the next message: where its lines are, how its body is framed, whether the connection
 * persists, and which header lines are hop-by-hop and so are not forwarded. Strict where leniency
 * lets two parties disagree on where a message ends (request smuggling): both Content-Length and
 * Transfer-Encoding, differing lengths, a transfer coding other than chunked on a request, folded
 * lines, bare LF and whitespace before a colon are refused.
 */
final class HttpHead {
    static final int MAX_HEADERS = 128;
    private static final int MAX_CONNECTION_TOKENS = 8;

    enum Framing {
        /** No body. */
        NONE,
        /** {@link #contentLength} bytes. */
        LENGTH,
        /** Chunked transfer coding. */
        CHUNKED,
        /** Until the sender closes the connection (responses only). */
        UNTIL_CLOSE
    }

    // Lines: [lineStart[i], lineEnd[i]) without CRLF; name [lineStart[i], nameEnd[i]); value trimmed.
    private final int[] lineStart = new int[MAX_HEADERS];
    private final int[] lineEnd = new int[MAX_HEADERS];
    private final int[] nameEnd = new int[MAX_HEADERS];
    private final boolean[] hopByHop = new boolean[MAX_HEADERS];
    private final int[] tokenFrom = new int[MAX_CONNECTION_TOKENS];
    private final int[] tokenTo = new int[MAX_CONNECTION_TOKENS];
    private int headers;
    private int tokens;
    private byte[] buf;
    private int start;
    private int firstLineEnd;
    private int end;

    // Request line
    private int methodEnd;
    private boolean http10;
    private boolean idempotent;
    private boolean head;
    // Response line
    private int status;

    private Framing framing;
    private long contentLength;
    private boolean close;
    private boolean keepAlive;

    /**
     * Reads a request head in {@code [start, end)} (end just past its blank line).
     *
     * @return 0 when it is a request to forward, else the status to answer with (400, 501, 505)
     */
    int parseRequest(byte[] b, int start, int end) {
        if (!reset(b, start, end)) {
            return 400;
        }
        int i = start;
        while (i < firstLineEnd && HttpSyntax.isToken(b[i])) {
            i++;
        }
        methodEnd = i;
        if (i == start || i >= firstLineEnd || b[i] != ' ') {
            return 400;
        }
        int targetStart = ++i;
        while (i < firstLineEnd && b[i] != ' ') {
            if ((b[i] & 0xff) <= 0x20 || b[i] == 0x7f) {
                return 400;
            }
            i++;
        }
        if (i == targetStart || i >= firstLineEnd) {
            return 400;
        }
        int versionStart = i + 1;
        if (firstLineEnd - versionStart != 8 || !startsWith(b, versionStart, "HTTP/1.")) {
            return firstLineEnd - versionStart == 8 && startsWith(b, versionStart, "HTTP/") ? 505 : 400;
        }
        byte minor = b[versionStart + 7];
        if (minor != '0' && minor != '1') {
            return 505;
        }
        http10 = minor == '0';
        method();
        int problem = parseHeaders(true);
        if (problem != 0) {
            return problem;
        }
        if (framing == Framing.UNTIL_CLOSE) {
            return 400;
        }
        return 0;
    }

    /**
     * Reads a response head in {@code [start, end)} to a request with the given method.
     *
     * @return false when it is not a valid HTTP/1.x response
     */
    boolean parseResponse(byte[] b, int start, int end, boolean toHead) {
        if (!reset(b, start, end)) {
            return false;
        }
        if (firstLineEnd - start < 12 || !startsWith(b, start, "HTTP/1.") || b[start + 8] != ' ') {
            return false;
        }
        http10 = b[start + 7] == '0';
        int s = 0;
        for (int i = start + 9; i < start + 12; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return false;
            }
            s = s * 10 + (b[i] - '0');
        }
        if (firstLineEnd > start + 12 && b[start + 12] != ' ') {
            return false;
        }
        status = s;
        if (parseHeaders(false) != 0) {
            return false;
        }
        if (toHead || status / 100 == 1 || status == 204 || status == 304) {
            framing = Framing.NONE;
        }
        return true;
    }

    /** False when the first line does not end in CRLF. */
    private boolean reset(byte[] b, int start, int end) {
        this.buf = b;
        this.start = start;
        this.end = end;
        headers = 0;
        tokens = 0;
        framing = Framing.NONE;
        contentLength = -1;
        close = false;
        keepAlive = false;
        idempotent = false;
        head = false;
        status = 0;
        int i = start;
        while (b[i] != CR) {
            i++;
        }
        firstLineEnd = i;
        return b[i + 1] == LF;
    }

    private void method() {
        int n = methodEnd - start;
        idempotent = n == 3 && (startsWith(buf, start, "GET") || startsWith(buf, start, "PUT"))
                || n == 4 && startsWith(buf, start, "HEAD")
                || n == 6 && startsWith(buf, start, "DELETE")
                || n == 7 && startsWith(buf, start, "OPTIONS");
        head = n == 4 && startsWith(buf, start, "HEAD");
    }

    /** 0, or the status a bad request gets (a bad response gets any non-zero value). */
    private int parseHeaders(boolean request) {
        byte[] b = buf;
        int i = firstLineEnd + 2;
        boolean sawLength = false;
        boolean sawTransferEncoding = false;
        boolean chunked = false;
        int hostHeaders = 0;
        while (true) {
            if (b[i] == CR) {
                if (i + 2 != end) {
                    return 400; // a CR starting a line that is not the blank line
                }
                break;
            }
            if (headers == MAX_HEADERS) {
                return 431;
            }
            int ls = i;
            if (b[ls] == ' ' || b[ls] == '\t') {
                return 400; // obsolete line folding
            }
            while (HttpSyntax.isToken(b[i])) {
                i++;
            }
            int ne = i;
            if (ne == ls || b[i] != ':') {
                return 400; // no name, or whitespace or another byte before the colon
            }
            i++;
            while (b[i] != CR) {
                byte c = b[i];
                if (c == LF || c == 0) {
                    return 400; // bare LF or NUL inside a line
                }
                i++;
            }
            if (b[i + 1] != LF) {
                return 400; // bare CR
            }
            int le = i;
            i += 2;
            int h = headers++;
            lineStart[h] = ls;
            lineEnd[h] = le;
            nameEnd[h] = ne;
            hopByHop[h] = false;
            int vs = ne + 1;
            while (vs < le && HttpSyntax.isWhitespace(b[vs])) {
                vs++;
            }
            int ve = le;
            while (ve > vs && HttpSyntax.isWhitespace(b[ve - 1])) {
                ve--;
            }
            int nameLength = ne - ls;
            if (nameLength == 14 && equalsLower(b, ls, ne, HttpSyntax.CONTENT_LENGTH)) {
                long v = HttpSyntax.decimal(b, vs, ve);
                if (v < 0 || sawLength && v != contentLength) {
                    return 400;
                }
                sawLength = true;
                contentLength = v;
            } else if (nameLength == 17 && equalsLower(b, ls, ne, HttpSyntax.TRANSFER_ENCODING)) {
                if (sawTransferEncoding) {
                    return request ? 400 : 502;
                }
                sawTransferEncoding = true;
                chunked = endsWithChunked(b, vs, ve, request);
                if (request && !chunked) {
                    return 501;
                }
                // Never forwarded as it came: the body is forwarded in the coding it came in, so it is kept.
            } else if (nameLength == 10 && equalsLower(b, ls, ne, HttpSyntax.CONNECTION)) {
                hopByHop[h] = true;
                connectionTokens(b, vs, ve);
            } else if (nameLength == 10 && equalsLower(b, ls, ne, HttpSyntax.KEEP_ALIVE)
                    || nameLength == 16 && equalsLower(b, ls, ne, HttpSyntax.PROXY_CONNECTION)
                    || nameLength == 2 && equalsLower(b, ls, ne, HttpSyntax.TE)
                    || nameLength == 7 && equalsLower(b, ls, ne, HttpSyntax.UPGRADE)) {
                hopByHop[h] = true;
            } else if (nameLength == 4 && equalsLower(b, ls, ne, HttpSyntax.HOST)) {
                hostHeaders++;
            }
        }
        if (sawTransferEncoding && sawLength) {
            return 400; // a request smuggling vector; also refused in responses
        }
        if (request && (hostHeaders > 1 || hostHeaders == 0 && !http10)) {
            return 400;
        }
        if (sawTransferEncoding) {
            framing = chunked ? Framing.CHUNKED : Framing.UNTIL_CLOSE;
        } else if (sawLength) {
            framing = contentLength == 0 ? Framing.NONE : Framing.LENGTH;
        } else {
            framing = request ? Framing.NONE : Framing.UNTIL_CLOSE;
        }
        if (tokens > 0) {
            markNamedHopByHop();
        }
        return 0;
    }

    /** Whether the last transfer coding is chunked; a request may have no other coding at all. */
    private static boolean endsWithChunked(byte[] b, int vs, int ve, boolean request) {
        int last = ve;
        int i = ve;
        while (i > vs && b[i - 1] != ',') {
            i--;
        }
        int from = i;
        while (from < last && HttpSyntax.isWhitespace(b[from])) {
            from++;
        }
        boolean chunked = equalsLower(b, from, last, HttpSyntax.CHUNKED);
        return chunked && (!request || i == vs);
    }

    private void connectionTokens(byte[] b, int vs, int ve) {
        int i = vs;
        while (i < ve) {
            while (i < ve && (b[i] == ',' || HttpSyntax.isWhitespace(b[i]))) {
                i++;
            }
            int ts = i;
            while (i < ve && b[i] != ',' && !HttpSyntax.isWhitespace(b[i])) {
                i++;
            }
            if (i > ts) {
                if (equalsLower(b, ts, i, HttpSyntax.CLOSE)) {
                    close = true;
                } else if (equalsLower(b, ts, i, HttpSyntax.KEEP_ALIVE)) {
                    keepAlive = true;
                } else if (tokens < MAX_CONNECTION_TOKENS) {
                    tokenFrom[tokens] = ts;
                    tokenTo[tokens] = i;
                    tokens++;
                }
            }
        }
    }

    /** Headers the Connection header names are hop-by-hop too (RFC 9110 7.6.1). */
    private void markNamedHopByHop() {
        for (int h = 0; h < headers; h++) {
            for (int t = 0; t < tokens; t++) {
                if (sameIgnoringCase(buf, lineStart[h], nameEnd[h], tokenFrom[t], tokenTo[t])) {
                    hopByHop[h] = true;
                }
            }
        }
    }

    private static boolean sameIgnoringCase(byte[] b, int from1, int to1, int from2, int to2) {
        if (to1 - from1 != to2 - from2) {
            return false;
        }
        for (int i = 0; i < to1 - from1; i++) {
            int x = b[from1 + i] | 0x20;
            int y = b[from2 + i] | 0x20;
            if (x != y) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] b, int at, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            if (b[at + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes the head as it is forwarded: its first line, every header line but the hop-by-hop ones,
     * then {@code extra} (whole header lines with their CRLF) and the blank line. Returns the new offset.
     */
    int writeForwarded(byte[] dst, int off, byte[] extra) {
        int n = firstLineEnd - start + 2;
        System.arraycopy(buf, start, dst, off, n);
        off += n;
        for (int h = 0; h < headers; h++) {
            if (!hopByHop[h]) {
                int len = lineEnd[h] - lineStart[h] + 2;
                System.arraycopy(buf, lineStart[h], dst, off, len);
                off += len;
            }
        }
        System.arraycopy(extra, 0, dst, off, extra.length);
        off += extra.length;
        dst[off++] = CR;
        dst[off++] = LF;
        return off;
    }

    /** The whole head as it came, for interim (1xx) responses. */
    int writeAsIs(byte[] dst, int off) {
        System.arraycopy(buf, start, dst, off, end - start);
        return off + end - start;
    }

    /** An upper bound of what {@link #writeForwarded} writes. */
    int forwardedLengthBound(byte[] extra) {
        return end - start + extra.length;
    }

    Framing framing() {
        return framing;
    }

    long contentLength() {
        return contentLength;
    }

    boolean http10() {
        return http10;
    }

    /** A request the sender may repeat: GET, HEAD, OPTIONS, PUT, DELETE (RFC 9110 9.2.2). */
    boolean idempotent() {
        return idempotent;
    }

    boolean isHead() {
        return head;
    }

    int status() {
        return status;
    }

    /** Whether the connection persists after this message (HTTP/1.1 unless "close"; HTTP/1.0 only with "keep-alive"). */
    boolean persistent() {
        return http10 ? keepAlive && !close : !close;
    }
}
