package io.clusterdeploy.provider.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One non-blocking socket of the load balancer, owned by one {@link EventLoop}: a buffer of bytes read
 * and not yet consumed, a buffer of bytes to write, and the interest it has registered.
 */
abstract class Endpoint {
    static final int BUFFER = 16 * 1024;
    // Room for a forwarded head, which may grow by a few added header lines.
    private static final int OUT_BUFFER = BUFFER + 1024;

    final SocketChannel channel;
    final EventLoop loop;
    SelectionKey key;
    final byte[] in = new byte[BUFFER];
    int inStart;
    int inEnd;
    final byte[] out = new byte[OUT_BUFFER];
    int outStart;
    int outEnd;
    /** Where the search for the end of a head goes on: the bytes before it have been looked at. */
    int scanFrom;
    long lastActive;
    boolean closed;
    private final ByteBuffer inView = ByteBuffer.wrap(in);
    private final ByteBuffer outView = ByteBuffer.wrap(out);
    private int interest = -1;

    Endpoint(SocketChannel channel, EventLoop loop) {
        this.channel = channel;
        this.loop = loop;
        this.lastActive = loop.now();
    }

    /** Handles the ready operations of its key. */
    abstract void ready(int readyOps);

    /** Reads what the socket has into {@link #in}; the count, 0 when there was no room or nothing, -1 at end of stream. */
    final int fill() throws IOException {
        return fill(true);
    }

    /** As {@link #fill()}; without {@code mayMove}, the buffered bytes stay where they are (offsets into them hold). */
    final int fill(boolean mayMove) throws IOException {
        if (!mayMove) {
            if (inEnd == in.length) {
                return 0;
            }
        } else if (inStart == inEnd) {
            inStart = inEnd = 0;
            scanFrom = 0;
        } else if (inEnd == in.length && inStart > 0) {
            System.arraycopy(in, inStart, in, 0, inEnd - inStart);
            inEnd -= inStart;
            scanFrom = Math.max(0, scanFrom - inStart);
            inStart = 0;
        }
        if (inEnd == in.length) {
            return 0;
        }
        inView.limit(in.length).position(inEnd);
        int n = channel.read(inView);
        if (n > 0) {
            inEnd += n;
            lastActive = loop.now();
        }
        return n;
    }

    final int buffered() {
        return inEnd - inStart;
    }

    final boolean inFull() {
        return inStart == 0 && inEnd == in.length;
    }

    final int outPending() {
        return outEnd - outStart;
    }

    /** Free room at the end of {@link #out}, compacting it first. */
    final int outRoom() {
        if (outStart == outEnd) {
            outStart = outEnd = 0;
        } else if (outStart > 0 && out.length - outEnd < BUFFER / 2) {
            System.arraycopy(out, outStart, out, 0, outEnd - outStart);
            outEnd -= outStart;
            outStart = 0;
        }
        return out.length - outEnd;
    }

    final void queue(byte[] src, int from, int length) {
        System.arraycopy(src, from, out, outEnd, length);
        outEnd += length;
    }

    /** Writes what it can of {@link #out}; true when nothing is left. */
    final boolean flush() throws IOException {
        if (outStart == outEnd) {
            return true;
        }
        outView.limit(outEnd).position(outStart);
        int n = channel.write(outView);
        if (n > 0) {
            outStart += n;
            lastActive = loop.now();
        }
        if (outStart == outEnd) {
            outStart = outEnd = 0;
            return true;
        }
        return false;
    }

    final void interest(int ops) {
        if (ops != interest && key != null && key.isValid()) {
            key.interestOps(ops);
            interest = ops;
        }
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            // Closing: nothing left to do with it.
        }
    }
}
