package io.clusterdeploy.engine.analysis;

import io.clusterdeploy.engine.canary.source.TimeWindow;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Fields;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The window of an analysis as the request gives it: fixed ({@code start} and {@code end}, ISO-8601 instants) or
 * the {@code lifetime} from when the analysis starts (an ISO-8601 duration such as {@code PT30M}); and the
 * {@code step} its points are sampled at ({@code PT1M} unless given, as Kayenta's 60 seconds).
 *
 * @param start    fixed start, or null for a lifetime
 * @param end      fixed end, or null for a lifetime
 * @param lifetime the length from the start of the analysis, or null
 * @param step     the spacing of points
 */
record AnalysisWindow(Instant start, Instant end, Duration lifetime, Duration step) {
    static final Duration DEFAULT_STEP = Duration.ofMinutes(1);
    /** Longer than any canary runs; a typo of P30D for PT30M waits a month otherwise. */
    static final Duration MAX_LIFETIME = Duration.ofDays(7);

    static AnalysisWindow parse(Fields request) {
        Duration step = request.has("step") ? duration(request, "step") : DEFAULT_STEP;
        if (!request.has("window")) {
            throw ClusterDeployException.invalid(request.path("window"), request.path("window")
                    + " is required: {start, end} (ISO-8601 instants) or {lifetime} (an ISO-8601 duration)");
        }
        Fields w = request.object("window");
        boolean hasLifetime = w.has("lifetime");
        boolean hasStart = w.has("start");
        boolean hasEnd = w.has("end");
        AnalysisWindow window;
        if (hasLifetime) {
            if (hasStart || hasEnd) {
                throw ClusterDeployException.invalid(w.path(hasStart ? "start" : "end"), "give " + w.path("lifetime")
                        + " (from now) or " + w.path("start") + " and " + w.path("end") + ", not both");
            }
            Duration lifetime = duration(w, "lifetime");
            if (lifetime.compareTo(MAX_LIFETIME) > 0) {
                throw ClusterDeployException.invalid(w.path("lifetime"), w.path("lifetime") + " must be at most "
                        + MAX_LIFETIME + ", was " + lifetime);
            }
            window = new AnalysisWindow(null, null, lifetime, step);
        } else {
            if (!hasStart) {
                throw ClusterDeployException.invalid(w.path("start"), w.path("start") + " is required (or "
                        + w.path("lifetime") + ")");
            }
            if (!hasEnd) {
                throw ClusterDeployException.invalid(w.path("end"), w.path("end") + " is required (or "
                        + w.path("lifetime") + ")");
            }
            window = new AnalysisWindow(instant(w, "start"), instant(w, "end"), null, step);
        }
        w.rejectUnknown();
        // The points a window holds are checked as the sources will see them, with "now" for a lifetime's start.
        window.resolve(Instant.now(), w.path("end"), request.path("step"));
        return window;
    }

    /** The window the sources are asked about, a lifetime starting at {@code now}. */
    TimeWindow resolve(Instant now) {
        return resolve(now, "window.end", "step");
    }

    private TimeWindow resolve(Instant now, String endField, String stepField) {
        Instant s = lifetime == null ? start : now;
        Instant e = lifetime == null ? end : now.plus(lifetime);
        try {
            return new TimeWindow(s, e, step);
        } catch (ClusterDeployException ex) {
            String field = "step".equals(ex.field()) ? stepField : endField;
            String message = "step".equals(ex.field()) ? field + ": " + ex.getMessage()
                    : field + " (" + e + ") must be after window.start (" + s + ")";
            throw ClusterDeployException.invalid(field, message);
        }
    }

    /** Whether the window, resolved at {@code now}, ends later than {@code now}: then the analysis must wait. */
    boolean endsAfter(Instant now) {
        return lifetime != null || end.isAfter(now);
    }

    static Map<String, Object> toMap(TimeWindow w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start", w.start().toString());
        m.put("end", w.end().toString());
        m.put("step", w.step().toString());
        return m;
    }

    static TimeWindow fromMap(Object value) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new IllegalStateException("no resolved window in the operation's context");
        }
        return new TimeWindow(Instant.parse(String.valueOf(m.get("start"))), Instant.parse(String.valueOf(m.get("end"))),
                Duration.parse(String.valueOf(m.get("step"))));
    }

    private static Duration duration(Fields f, String key) {
        return f.optionalDuration(key, null, false);
    }

    private static Instant instant(Fields f, String key) {
        String text = f.requiredString(key);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e2) {
                throw ClusterDeployException.invalid(f.path(key), f.path(key) + " must be an ISO-8601 instant such as "
                        + "2024-06-03T10:00:00Z, was '" + text + "'");
            }
        }
    }
}
