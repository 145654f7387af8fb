package io.clusterdeploy.provider.local;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * One client's connection to a load balancer, and the exchange of its current request: route it, send
 * it to the instance over a pooled or new connection, stream the answer back, then take the next
 * request. One request at a time; pipelined requests wait in the buffer.
 *
 * <p>An attempt that fails before any byte of an answer arrives is retried, up to {@link #MAX_ATTEMPTS}
 * in all, on a new connection, when nothing was sent (the connection was refused) or when the request is
 * idempotent and has no body (RFC 9110 9.2.2); a request that cannot be retried never goes out on a
 * pooled connection, which the instance may be closing at that moment. Otherwise the client gets a 502
 * (or a 504 when the instance stays silent), or, once part of the answer is on its way, a closed connection.
 */
final class ClientConnection extends Endpoint {
    static final int MAX_ATTEMPTS = 3;
    private static final byte[] CLOSE_LINE = HttpSyntax.ascii("Connection: close\r\n");
    private static final byte[] NOTHING = new byte[0];

    private final LocalLoadBalancer balancer;
    private final byte[] forwarded;     // X-Forwarded-* lines for the instance
    private final byte[] forwarded10;   // the same, and Connection: close, for an HTTP/1.0 request
    private final HttpHead request = new HttpHead();
    private final HttpHead response = new HttpHead();
    private final BodyFraming requestBody = new BodyFraming();
    private final BodyFraming responseBody = new BodyFraming();

    private boolean inExchange;
    private boolean closing;            // no further request: close once the output is written
    private boolean closeAfterResponse;
    private int headEnd;
    private boolean headRetained;       // the request head stays in the buffer until the answer is in, for a retry
    private boolean retriable;
    private boolean requestParsed;
    private Route route;
    private BackendConnection backend;
    private int attempts;
    private boolean requestDone;
    private boolean responseHeadDone;
    private boolean responseStarted;
    private boolean backendReusable;
    private boolean backendEnded;
    private long startNanos;
    private int status;

    ClientConnection(SocketChannel channel, EventLoop loop, LocalLoadBalancer balancer, String clientAddress) {
        super(channel, loop);
        this.balancer = balancer;
        String lines = "X-Forwarded-For: " + clientAddress + "\r\nX-Forwarded-Proto: http\r\n";
        this.forwarded = HttpSyntax.ascii(lines);
        this.forwarded10 = HttpSyntax.ascii(lines + "Connection: close\r\n");
    }

    boolean inExchange() {
        return inExchange;
    }

    // ---- client side --------------------------------------------------------------------

    @Override
    void ready(int readyOps) {
        try {
            if ((readyOps & SelectionKey.OP_WRITE) != 0 && flush()) {
                clientDrained();
            }
            if (!closed && (readyOps & SelectionKey.OP_READ) != 0) {
                // During an exchange the head may be kept for a retry: bytes read then (pipelined requests) stay behind it.
                int n = fill(!inExchange || !headRetained);
                if (n < 0) {
                    clientEnded();
                    return;
                }
                if (!inExchange) {
                    startRequest();
                } else if (!requestDone && backend != null) {
                    pumpRequestBody();
                }
            }
        } catch (IOException e) {
            abort();
        }
        updateInterest();
    }

    private void clientDrained() throws IOException {
        if (closing) {
            close();
        } else if (inExchange) {
            if (backend != null && !backend.connecting) {
                pumpResponse();
            }
        } else {
            startRequest();
        }
    }

    /** The client closed its side: between requests that is the end; during one, it gave up. */
    private void clientEnded() {
        if (inExchange && !requestDone) {
            abort();
        } else if (inExchange) {
            // It may still read the answer (a half-close after the request); stop taking requests.
            closing = true;
            closeAfterResponse = true;
            updateInterest();
        } else {
            close();
        }
    }

    private void startRequest() throws IOException {
        if (closing || inExchange || closed || outPending() > 0) {
            return;
        }
        requestParsed = false;
        int end = HttpSyntax.headEnd(in, inStart, Math.max(inStart, scanFrom), inEnd);
        if (end < 0) {
            if (inFull()) {
                answer(431, "request head too large", true);
            } else {
                scanFrom = Math.max(inStart, inEnd - 3);
            }
            return;
        }
        int problem = request.parseRequest(in, inStart, end);
        if (problem != 0) {
            answer(problem, "bad request", true);
            return;
        }
        requestParsed = true;
        headEnd = end;
        startNanos = loop.now();
        closeAfterResponse = !request.persistent() || loop.stopping();
        requestBody.start(request.framing(), request.contentLength());
        requestDone = requestBody.done();
        retriable = request.idempotent() && request.framing() == HttpHead.Framing.NONE;
        attempts = 0;
        route = balancer.router().acquire(null);
        if (route == null) {
            inStart = headEnd;
            answer(503, "no healthy instance in service behind load balancer " + balancer.name(), !requestDone);
            return;
        }
        inExchange = true;
        attempt();
    }

    /** Sends the request to the routed instance. */
    private void attempt() throws IOException {
        attempts++;
        responseHeadDone = false;
        responseStarted = false;
        backendEnded = false;
        boolean fresh = attempts > 1 || !retriable;
        BackendConnection be = fresh ? null : loop.checkout(route.instance());
        if (be == null) {
            try {
                be = BackendConnection.open(loop, route.instance());
                balancer.backendConnectionOpened();
            } catch (IOException e) {
                backendFailed(true);
                return;
            }
        }
        backend = be;
        be.owner = this;
        be.answering = false;
        be.inStart = be.inEnd = 0;
        be.scanFrom = 0;
        be.outStart = be.outEnd = 0;
        be.outEnd = request.writeForwarded(be.out, 0, request.http10() ? forwarded10 : forwarded);
        headRetained = retriable;
        if (!retriable) {
            inStart = headEnd;
            pumpRequestBody();
            return;
        }
        if (!be.connecting) {
            try {
                be.flush();
            } catch (IOException e) {
                backendFailed(false);
            }
        }
    }

    private void pumpRequestBody() throws IOException {
        BackendConnection be = backend;
        while (!requestDone) {
            int available = buffered();
            int room = be.outRoom();
            if (available == 0 || room == 0) {
                break;
            }
            int n = requestBody.take(in, inStart, inStart + Math.min(available, room));
            if (requestBody.error()) {
                // The client's fault, not the instance's: nothing is counted against the group.
                dropBackend();
                releaseRoute();
                answer(400, "bad chunked body", true);
                return;
            }
            be.queue(in, inStart, n);
            inStart += n;
            requestDone = requestBody.done();
        }
        if (!be.connecting) {
            try {
                be.flush();
            } catch (IOException e) {
                backendFailed(false);
            }
        }
    }

    // ---- instance side ------------------------------------------------------------------

    void backendReady(BackendConnection be, int readyOps) {
        try {
            if (be.connecting) {
                if ((readyOps & SelectionKey.OP_CONNECT) == 0) {
                    return;
                }
                try {
                    be.channel.finishConnect();
                } catch (IOException e) {
                    backendFailed(true);
                    updateInterest();
                    return;
                }
                be.connecting = false;
                be.lastActive = loop.now();
            }
            if (be.outPending() > 0 && be.flush() && !requestDone) {
                pumpRequestBody();
            }
            if (backend == be && (readyOps & SelectionKey.OP_READ) != 0) {
                int n = be.fill();
                if (n > 0) {
                    be.answering = true;
                    pumpResponse();
                } else if (n < 0) {
                    backendEnded = true;
                    pumpResponse();
                }
            }
        } catch (IOException e) {
            if (backend == be) {
                try {
                    backendFailed(false);
                } catch (IOException again) {
                    abort();
                }
            }
        }
        updateInterest();
    }

    /** Moves what the instance sent towards the client, as far as the client's buffer allows. */
    private void pumpResponse() throws IOException {
        BackendConnection be = backend;
        while (be != null && backend == be) {
            if (!responseHeadDone) {
                int end = HttpSyntax.headEnd(be.in, be.inStart, Math.max(be.inStart, be.scanFrom), be.inEnd);
                if (end < 0) {
                    be.scanFrom = Math.max(be.inStart, be.inEnd - 3);
                    if (be.inFull()) {
                        badAnswer();
                        return;
                    }
                    break;
                }
                if (!response.parseResponse(be.in, be.inStart, end, request.isHead()) || response.status() == 101) {
                    badAnswer();
                    return;
                }
                int headLength = end - be.inStart;
                if (response.status() / 100 == 1) {
                    // Interim (100 Continue, 103 Early Hints): forwarded as it came; the answer follows.
                    if (outRoom() < headLength) {
                        break;
                    }
                    outEnd = response.writeAsIs(out, outEnd);
                    be.inStart = end;
                    be.scanFrom = end;
                    responseStarted = true;
                    continue;
                }
                if (response.framing() == HttpHead.Framing.UNTIL_CLOSE || !requestDone) {
                    closeAfterResponse = true; // no way to tell the client where the answer ends, or the request's body is left
                }
                byte[] extra = closeAfterResponse ? CLOSE_LINE : NOTHING;
                if (outRoom() < response.forwardedLengthBound(extra)) {
                    break;
                }
                outEnd = response.writeForwarded(out, outEnd, extra);
                be.inStart = end;
                status = response.status();
                responseHeadDone = true;
                responseStarted = true;
                backendReusable = response.persistent() && !request.http10()
                        && response.framing() != HttpHead.Framing.UNTIL_CLOSE;
                responseBody.start(response.framing(), response.contentLength());
                if (responseBody.done()) {
                    responseComplete();
                    return;
                }
            }
            int available = be.buffered();
            int room = outRoom();
            if (available == 0 || room == 0) {
                break;
            }
            int n = responseBody.take(be.in, be.inStart, be.inStart + Math.min(available, room));
            if (responseBody.error()) {
                badAnswer();
                return;
            }
            queue(be.in, be.inStart, n);
            be.inStart += n;
            if (responseBody.done()) {
                responseComplete();
                return;
            }
        }
        if (backend == be && be != null && backendEnded && be.buffered() == 0) {
            if (responseHeadDone && responseBody.untilClose()) {
                responseBody.closed();
                responseComplete();
                return;
            }
            backendFailed(false);
            return;
        }
        flushClient();
    }

    /** The instance sent what is not an HTTP/1.1 answer: 502 if nothing went out yet, else the client is cut off. */
    private void badAnswer() throws IOException {
        route.traffic().connectionError(loop.epochSecond());
        if (responseStarted && responseHeadDone) {
            recordAnswer(status);
            abort();
            return;
        }
        dropBackend();
        recordAnswer(502);
        releaseRoute();
        finishWithAnswer(502, "bad answer from the instance");
    }

    /**
     * The attempt failed: the connection was refused ({@code nothingSent}), reset, closed or timed out.
     * Retries it when that is safe, else answers 502 or cuts the client off.
     */
    private void backendFailed(boolean nothingSent) throws IOException {
        BackendConnection be = backend;
        boolean answered = be != null && be.answering;
        boolean stale = be != null && be.reused && !answered;
        dropBackend();
        if (responseStarted) {
            route.traffic().connectionError(loop.epochSecond());
            if (responseHeadDone) {
                recordAnswer(status);
            }
            abort();
            return;
        }
        boolean mayRetry = attempts < MAX_ATTEMPTS && !answered && (nothingSent || retriable);
        if (!(stale && mayRetry)) {
            route.traffic().connectionError(loop.epochSecond());
        }
        if (mayRetry) {
            InstanceProcess failed = route.instance();
            releaseRoute();
            // A pooled connection the instance had closed says nothing against the instance; anything else does.
            route = balancer.router().acquire(stale ? null : failed);
            if (route != null) {
                balancer.retried();
                attempt();
                return;
            }
        } else {
            recordAnswer(502);
        }
        releaseRoute();
        finishWithAnswer(502, "the instance did not answer");
    }

    /** The instance is silent past the timeout. */
    void backendTimedOut() throws IOException {
        route.traffic().connectionError(loop.epochSecond());
        if (responseStarted) {
            if (responseHeadDone) {
                recordAnswer(status);
            }
            abort();
            return;
        }
        dropBackend();
        recordAnswer(504);
        releaseRoute();
        finishWithAnswer(504, "the instance did not answer in time");
    }

    private void responseComplete() throws IOException {
        recordAnswer(status);
        releaseRoute();
        BackendConnection be = backend;
        backend = null;
        be.owner = null;
        if (backendReusable && requestDone && be.buffered() == 0 && !backendEnded) {
            loop.checkin(be);
        } else {
            be.close();
        }
        endExchange();
        if (flushClient()) {
            if (closing) {
                close();
            } else {
                startRequest();
            }
        }
    }

    /** Writes to the client what it can; a client that cannot be written to is dropped. True when all is written. */
    private boolean flushClient() {
        try {
            return flush();
        } catch (IOException e) {
            abort();
            return false;
        }
    }

    // ---- common -------------------------------------------------------------------------

    private void endExchange() {
        if (headRetained) {
            inStart = headEnd;
            headRetained = false;
        }
        inExchange = false;
        scanFrom = inStart;
        if (closeAfterResponse) {
            closing = true;
        }
    }

    private void recordAnswer(int answerStatus) {
        route.traffic().answered(loop.epochSecond(), answerStatus, loop.now() - startNanos);
    }

    private void releaseRoute() {
        if (route != null) {
            route.instance().release();
            route = null;
        }
    }

    private void dropBackend() {
        if (backend != null) {
            backend.owner = null;
            backend.close();
            backend = null;
        }
    }

    /** Ends the exchange with the load balancer's own answer. */
    private void finishWithAnswer(int answerStatus, String message) throws IOException {
        endExchange();
        answer(answerStatus, message, closeAfterResponse || !requestDone);
    }

    /** Writes the load balancer's own answer; closes afterwards when told to. */
    private void answer(int answerStatus, String message, boolean close) throws IOException {
        inExchange = false;
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        boolean withBody = !(requestParsed && request.isHead());
        String head = "HTTP/1.1 " + answerStatus + " " + reason(answerStatus) + "\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: " + body.length + "\r\n"
                + (close ? "Connection: close\r\n" : "") + "\r\n";
        byte[] headBytes = HttpSyntax.ascii(head);
        if (outRoom() < headBytes.length + body.length) {
            abort();
            return;
        }
        queue(headBytes, 0, headBytes.length);
        if (withBody) {
            queue(body, 0, body.length);
        }
        if (close) {
            closing = true;
        }
        scanFrom = inStart;
        if (flushClient()) {
            if (closing) {
                close();
            } else {
                startRequest();
            }
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 408 -> "Request Timeout";
            case 431 -> "Request Header Fields Too Large";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            case 505 -> "HTTP Version Not Supported";
            default -> "Error";
        };
    }

    /** Drops the client and whatever its request holds; the instance's connection is not reused. */
    void abort() {
        dropBackend();
        releaseRoute();
        inExchange = false;
        close();
    }

    @Override
    void close() {
        if (!closed) {
            dropBackend();
            releaseRoute();
            super.close();
            loop.removed(this);
        }
    }

    /** Registers what this connection and its instance connection wait for. */
    void updateInterest() {
        if (closed) {
            return;
        }
        // Reading stays registered whenever there is room, even while the answer is awaited: nothing arrives then
        // (but a pipelined request or the client's close), and each change of interest costs a system call.
        int ops = outPending() > 0 ? SelectionKey.OP_WRITE : 0;
        if (!closing) {
            if (!inExchange) {
                if (!inFull()) {
                    ops |= SelectionKey.OP_READ;
                }
            } else if (requestDone ? inEnd < in.length && !closeAfterResponse
                    : backend != null && backend.outRoom() > 0 && !inFull()) {
                ops |= SelectionKey.OP_READ;
            }
        }
        interest(ops);
        BackendConnection be = backend;
        if (be != null && !be.closed) {
            int bops;
            if (be.connecting) {
                bops = SelectionKey.OP_CONNECT;
            } else {
                bops = be.outPending() > 0 ? SelectionKey.OP_WRITE : 0;
                if (!backendEnded && !be.inFull() && (!responseHeadDone || outRoom() > 0)) {
                    bops |= SelectionKey.OP_READ;
                }
            }
            be.interest(bops);
        }
    }

    /** Timeouts, checked by the event loop about once a second. */
    void checkTimeouts(long now) {
        try {
            BackendConnection be = backend;
            if (inExchange && be != null) {
                long silent = now - be.lastActive;
                if (be.connecting && silent > LocalLoadBalancer.CONNECT_TIMEOUT_NANOS) {
                    backendFailed(true);
                } else if (!be.connecting && silent > LocalLoadBalancer.BACKEND_TIMEOUT_NANOS) {
                    backendTimedOut();
                }
            } else if (!inExchange && now - lastActive > LocalLoadBalancer.CLIENT_IDLE_NANOS) {
                close();
            }
            if (!closed && outPending() > 0 && now - lastActive > LocalLoadBalancer.CLIENT_IDLE_NANOS) {
                abort();
            }
        } catch (IOException e) {
            abort();
        }
        updateInterest();
    }

    /** The load balancer is stopping: close between requests, or after the current answer. */
    void stopGracefully() {
        closeAfterResponse = true;
        if (!inExchange && outPending() == 0) {
            close();
        } else if (!inExchange) {
            closing = true;
        }
    }
}
