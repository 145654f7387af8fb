package io.clusterdeploy.provider.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The load balancer's head parser: what it forwards, and the ambiguous framings it refuses (request smuggling). */
class HttpHeadTest {
    private final HttpHead head = new HttpHead();

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private int request(String text) {
        byte[] b = bytes(text);
        int end = HttpSyntax.headEnd(b, 0, 0, b.length);
        assertThat(end).as("head end of %s", text).isEqualTo(b.length);
        return head.parseRequest(b, 0, end);
    }

    private boolean response(String text, boolean toHead) {
        byte[] b = bytes(text);
        return head.parseResponse(b, 0, b.length, toHead);
    }

    private String forwarded(String extra) {
        byte[] out = new byte[4096];
        int n = head.writeForwarded(out, 0, bytes(extra));
        return new String(out, 0, n, StandardCharsets.ISO_8859_1);
    }

    @Test
    void aGetIsForwardedWithoutItsHopByHopHeaders() {
        assertThat(request("GET /a?b=c HTTP/1.1\r\nHost: x\r\nConnection: keep-alive, X-Secret\r\nKeep-Alive: 5\r\n"
                + "X-Secret: 1\r\nTE: trailers\r\nUpgrade: websocket\r\nAccept: */*\r\n\r\n")).isZero();
        assertThat(head.idempotent()).isTrue();
        assertThat(head.isHead()).isFalse();
        assertThat(head.framing()).isEqualTo(HttpHead.Framing.NONE);
        assertThat(head.persistent()).isTrue();
        assertThat(forwarded("X-Forwarded-For: 127.0.0.1\r\n"))
                .isEqualTo("GET /a?b=c HTTP/1.1\r\nHost: x\r\nAccept: */*\r\nX-Forwarded-For: 127.0.0.1\r\n\r\n");
    }

    @Test
    void methodsAndPersistence() {
        assertThat(request("HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).isZero();
        assertThat(head.isHead()).isTrue();
        assertThat(head.persistent()).isFalse();
        assertThat(request("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\n")).isZero();
        assertThat(head.idempotent()).isFalse();
        assertThat(head.framing()).isEqualTo(HttpHead.Framing.LENGTH);
        assertThat(head.contentLength()).isEqualTo(3);
        for (String m : new String[] {"PUT", "DELETE", "OPTIONS"}) {
            assertThat(request(m + " / HTTP/1.1\r\nHost: x\r\n\r\n")).isZero();
            assertThat(head.idempotent()).as(m).isTrue();
        }
        assertThat(request("GET / HTTP/1.0\r\n\r\n")).isZero();
        assertThat(head.http10()).isTrue();
        assertThat(head.persistent()).isFalse();
        assertThat(request("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n")).isZero();
        assertThat(head.persistent()).isTrue();
        assertThat(request("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\n\r\n")).isZero();
        assertThat(head.framing()).isEqualTo(HttpHead.Framing.CHUNKED);
        assertThat(request("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")).isZero();
        assertThat(head.framing()).isEqualTo(HttpHead.Framing.NONE);
    }

    @Test
    void ambiguousOrMalformedRequestsAreRefused() {
        assertThat(request("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n")).isEqualTo(400);
        assertThat(request("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n")).isEqualTo(400);
        assertThat(request("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: +3\r\n\r\n")).isEqualTo(400);
        assertThat(request("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n")).isEqualTo(501);
        assertThat(request("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n")).isEqualTo(501);
        assertThat(request("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n"))
                .isEqualTo(400);
        assertThat(request("GET / HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n folded\r\n\r\n")).isEqualTo(400);
        assertThat(request("GET / HTTP/1.1\r\nHost : x\r\n\r\n")).isEqualTo(400);
        assertThat(request("GET / HTTP/1.1\r\nHost: x\r\nX-A: a\nb\r\n\r\n")).isEqualTo(400);
        assertThat(request("GET / HTTP/1.1\r\n\r\n")).as("HTTP/1.1 without Host").isEqualTo(400);
        assertThat(request("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n")).isEqualTo(400);
        assertThat(request("GET / HTTP/2.0\r\nHost: x\r\n\r\n")).isEqualTo(505);
        assertThat(request("GET  / HTTP/1.1\r\nHost: x\r\n\r\n")).isEqualTo(400);
        assertThat(request("G(T / HTTP/1.1\r\nHost: x\r\n\r\n")).isEqualTo(400);
        assertThat(request("GET /\u0001 HTTP/1.1\r\nHost: x\r\n\r\n")).isEqualTo(400);
        assertThat(request("GET / HTTP/1.1\r\nHost: x\r\n\rX: y\r\n\r\n")).isEqualTo(400);
    }

    @Test
    void responsesAndTheirFraming() {
        assertThat(response("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n", false)).isTrue();
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.framing()).isEqualTo(HttpHead.Framing.LENGTH);
        assertThat(response("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n", true)).isTrue();
        assertThat(head.framing()).as("the answer to a HEAD has no body").isEqualTo(HttpHead.Framing.NONE);
        assertThat(response("HTTP/1.1 204\r\n\r\n", false)).isTrue();
        assertThat(head.framing()).isEqualTo(HttpHead.Framing.NONE);
        assertThat(response("HTTP/1.1 200 OK\r\n\r\n", false)).isTrue();
        assertThat(head.framing()).isEqualTo(HttpHead.Framing.UNTIL_CLOSE);
        assertThat(response("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n", false)).isTrue();
        assertThat(head.framing()).isEqualTo(HttpHead.Framing.CHUNKED);
        assertThat(head.persistent()).isFalse();
        assertThat(forwarded("")).isEqualTo("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
        assertThat(response("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n", false)).isFalse();
        assertThat(response("HTTP/1.1 2x0 OK\r\n\r\n", false)).isFalse();
        assertThat(response("HTTX/1.1 200 OK\r\n\r\n", false)).isFalse();
    }

    @Test
    void theEndOfAHeadIsFoundAcrossReads() {
        byte[] b = bytes("GET / HTTP/1.1\r\nHost: x\r\n\r\nNEXT");
        int split = "GET / HTTP/1.1\r\nHost: x\r\n\r".length();
        assertThat(HttpSyntax.headEnd(b, 0, 0, split)).isEqualTo(-1);
        assertThat(HttpSyntax.headEnd(b, 0, split - 3, split + 1)).isEqualTo(split + 1);
    }
}
