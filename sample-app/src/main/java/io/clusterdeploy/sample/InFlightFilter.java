package io.clusterdeploy.sample;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts requests being handled, so that a stop knows whether there is anything to wait for. */
final class InFlightFilter extends Filter {
    private final AtomicInteger active = new AtomicInteger();

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        active.incrementAndGet();
        try {
            chain.doFilter(exchange);
        } finally {
            active.decrementAndGet();
        }
    }

    int active() {
        return active.get();
    }

    @Override
    public String description() {
        return "counts in-flight requests";
    }
}
