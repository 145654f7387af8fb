package io.jenkins.plugins.clusterdeploy.progress;

import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.operation.Phase;
import io.clusterdeploy.engine.operation.StepRecord;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes an operation's timeline to a build log, one line per step start and end with the engine's timestamps,
 * then the outcome. Only the engine's own messages are written, and they never contain secrets.
 */
public final class OperationLog {
    private OperationLog() {
    }

    /** Writes what happened since {@code cursor}, and moves it. */
    public static void write(OperationState s, LogCursor cursor, PrintStream out) {
        List<StepRecord> steps = s.steps();
        for (int i = cursor.endsLogged; i < steps.size(); i++) {
            StepRecord r = steps.get(i);
            if (i >= cursor.startsLogged) {
                if (r.phase() == Phase.ROLLBACK) {
                    rollbackNotice(s, r.startedAt(), cursor, out);
                }
                out.println(prefix(r.startedAt()) + label(r) + ": started");
                cursor.startsLogged = i + 1;
            }
            if (r.endedAt() == null) {
                break;
            }
            out.println(prefix(r.endedAt()) + label(r) + ": " + r.status() + " in " + seconds(r.startedAt(), r.endedAt())
                    + (r.message() == null || r.message().isBlank() ? "" : " - " + r.message()));
            cursor.endsLogged = i + 1;
        }
        if (s.phase() == Phase.ROLLBACK) {
            rollbackNotice(s, s.updatedAt(), cursor, out);
        }
        if (s.status().isFinished() && !cursor.finishLogged) {
            out.println(prefix(s.updatedAt()) + s.type() + " " + s.id() + ": " + s.status()
                    + (s.error() == null ? "" : " - " + s.error().message()));
            cursor.finishLogged = true;
        }
    }

    private static void rollbackNotice(OperationState s, Instant at, LogCursor cursor, PrintStream out) {
        if (cursor.rollbackLogged) {
            return;
        }
        cursor.rollbackLogged = true;
        out.println(prefix(at) + "rolling back" + (s.error() == null ? "" : " after: " + s.error().message()));
    }

    private static String label(StepRecord r) {
        return r.phase() == Phase.ROLLBACK ? "rollback " + r.name() : r.name();
    }

    private static String prefix(Instant at) {
        return "[" + (at == null ? "" : at.truncatedTo(ChronoUnit.MILLIS)) + "] ";
    }

    private static String seconds(Instant from, Instant to) {
        if (from == null || to == null) {
            return "?";
        }
        long millis = Duration.between(from, to).toMillis();
        return String.format(java.util.Locale.ROOT, "%.1fs", millis / 1000.0);
    }
}
