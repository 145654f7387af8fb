package jenkins.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shim of {@code jenkins.util.Timer} (Jenkins 2.541.3): a lazily created pool of 10 daemon threads, so that code
 * polling from the timer runs in unit tests. The real one also runs tasks as SYSTEM and logs their errors.
 */
public class Timer {

    static ScheduledExecutorService executorService;

    private Timer() {}

    @NonNull
    public static synchronized ScheduledExecutorService get() {
        if (executorService == null) {
            AtomicInteger count = new AtomicInteger();
            executorService = new ScheduledThreadPoolExecutor(10, r -> {
                Thread t = new Thread(r, "jenkins.util.Timer [#" + count.incrementAndGet() + "]");
                t.setDaemon(true);
                return t;
            });
        }
        return executorService;
    }

    public static synchronized void shutdown() {
        if (executorService != null) {
            executorService.shutdownNow();
            executorService = null;
        }
    }
}
