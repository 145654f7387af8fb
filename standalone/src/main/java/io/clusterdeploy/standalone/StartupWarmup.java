package io.clusterdeploy.standalone;

import io.clusterdeploy.engine.json.Json;
import java.util.List;
import org.eclipse.jetty.http.MimeTypes;

/**
 * Runs, on a thread of its own, the two slowest static initializers of {@code serve}'s start-up that nothing
 * before them needs: Jetty's MimeTypes (it lists every locale of the JVM) and the engine's Json (it builds its
 * Jackson mappers). Together they were a quarter of the main thread's samples from start to the first answer;
 * with a second core they now run while the command line is parsed and the configuration read (issue 14).
 * A class being initialized makes any other thread that needs it wait, so nothing runs twice.
 */
final class StartupWarmup {
    private static final List<Class<?>> SLOW_TO_INITIALIZE = List.of(MimeTypes.class, Json.class);

    private StartupWarmup() {
    }

    static void begin() {
        Thread t = new Thread(StartupWarmup::run, "startup-warmup");
        t.setDaemon(true);
        t.start();
    }

    private static void run() {
        for (Class<?> c : SLOW_TO_INITIALIZE) {
            try {
                Class.forName(c.getName(), true, c.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                // The main thread meets the same failure where it needs the class, and reports it there.
                return;
            }
        }
    }
}
