package io.clusterdeploy.provider.local;

import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.util.Callback;

/** Wraps a request's completion callback to release its backend exactly once, however the request ends. */
final class ReleasingCallback implements Callback {
    private final Callback delegate;
    private final Runnable release;
    private final AtomicBoolean released = new AtomicBoolean();

    ReleasingCallback(Callback delegate, Runnable release) {
        this.delegate = delegate;
        this.release = release;
    }

    void release() {
        if (released.compareAndSet(false, true)) {
            release.run();
        }
    }

    @Override
    public void succeeded() {
        release();
        delegate.succeeded();
    }

    @Override
    public void failed(Throwable failure) {
        release();
        delegate.failed(failure);
    }

    @Override
    public InvocationType getInvocationType() {
        return delegate.getInvocationType();
    }
}
