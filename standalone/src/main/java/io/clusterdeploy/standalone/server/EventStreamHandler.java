package io.clusterdeploy.standalone.server;

import io.clusterdeploy.engine.api.ChangeFeed;
import io.clusterdeploy.engine.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /api/events}: Server-Sent Events that tell an open cluster view the moment something changed (an
 * operation's step, a provider's notice), so that it reads again at once instead of at its next poll. Each event
 * carries only the change count; the page then reads the API as usual (and gets 304s for what did not change).
 * Changes are coalesced: at most one write is in flight per page, and a burst of changes becomes one event. A comment
 * every 15 s keeps the connection from idling out. The same Host and Origin rules as the API apply.
 */
final class EventStreamHandler extends Handler.Abstract.NonBlocking {
    static final String PATH = ApiHttpHandler.API_ROOT + "/events";
    static final int MAX_STREAMS = 32;
    private static final long HEARTBEAT_SECONDS = 15;

    private final List<RequestRule> rules;
    private final Json json = new Json();
    private volatile ChangeFeed feed;
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "api-events");
        t.setDaemon(true);
        return t;
    });

    EventStreamHandler(List<RequestRule> rules) {
        this.rules = List.copyOf(rules);
        timer.scheduleWithFixedDelay(() -> streams.forEach(Stream::heartbeat), HEARTBEAT_SECONDS, HEARTBEAT_SECONDS,
                TimeUnit.SECONDS);
    }

    /** Once the engine runs: until then the stream answers 503, as the API does. */
    void serve(ChangeFeed changes) {
        this.feed = changes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!PATH.equals(Request.getPathInContext(request))) {
            return false;
        }
        RequestHead head = ApiHttpHandler.head(request);
        Optional<Rejection> refused = RequestRule.firstRefusal(rules, head);
        ApiHttpHandler.closeIfBodyUnread(request, response);
        if (refused.isPresent()) {
            ApiHttpHandler.send(response, callback, refused.get().status(), refused.get().toJson(json));
            return true;
        }
        if (!head.method().equals("GET")) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET");
            ApiHttpHandler.send(response, callback, 405, new Rejection(405, "METHOD_NOT_ALLOWED", null,
                    head.method() + " is not allowed on " + PATH).toJson(json));
            return true;
        }
        ChangeFeed changes = feed;
        if (changes == null || streams.size() >= MAX_STREAMS) {
            ApiHttpHandler.send(response, callback, 503, new Rejection(503, "UNAVAILABLE", null, changes == null
                    ? "the server is starting" : "too many open event streams; poll instead").toJson(json));
            return true;
        }
        var h = response.getHeaders();
        response.setStatus(200);
        h.put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        h.put(HttpHeader.CACHE_CONTROL, "no-store");
        h.put("X-Content-Type-Options", "nosniff");
        Stream s = new Stream(response, callback, changes);
        streams.add(s);
        s.open(changes.subscribe(s::changed));
        return true;
    }

    /** Ends every stream (the server stops). */
    void close() {
        timer.shutdownNow();
        streams.forEach(s -> s.end(null));
    }

    /** One open page. */
    private final class Stream {
        private final Response response;
        private final Callback callback;
        private final ChangeFeed changes;
        private AutoCloseable subscription;
        private boolean writing;
        private boolean dirty;
        private boolean beat;
        private boolean ended;

        Stream(Response response, Callback callback, ChangeFeed changes) {
            this.response = response;
            this.callback = callback;
            this.changes = changes;
        }

        void open(AutoCloseable subscription) {
            synchronized (this) {
                this.subscription = subscription;
            }
            write("retry: 2000\nevent: open\ndata: " + changes.generation() + "\n\n");
        }

        void changed() {
            synchronized (this) {
                dirty = true;
            }
            pump();
        }

        void heartbeat() {
            synchronized (this) {
                beat = true;
            }
            pump();
        }

        private void pump() {
            String text;
            synchronized (this) {
                if (writing || ended) {
                    return;
                }
                if (dirty) {
                    dirty = false;
                    beat = false;
                    text = "event: change\ndata: " + changes.generation() + "\n\n";
                } else if (beat) {
                    beat = false;
                    text = ": keep-alive\n\n";
                } else {
                    return;
                }
            }
            write(text);
        }

        private void write(String text) {
            synchronized (this) {
                if (ended) {
                    return;
                }
                writing = true;
            }
            response.write(false, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), Callback.from(() -> {
                synchronized (this) {
                    writing = false;
                }
                pump();
            }, this::end));
        }

        /** The page went away (a failed write) or the server stops. */
        void end(Throwable why) {
            AutoCloseable sub;
            synchronized (this) {
                if (ended) {
                    return;
                }
                ended = true;
                sub = subscription;
            }
            streams.remove(this);
            try {
                if (sub != null) {
                    sub.close();
                }
            } catch (Exception ignored) {
                // A listener list removal does not fail.
            }
            if (why == null) {
                callback.succeeded();
            } else {
                callback.failed(why);
            }
        }
    }
}
