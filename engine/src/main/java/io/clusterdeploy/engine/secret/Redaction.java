package io.clusterdeploy.engine.secret;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what may be a secret before it is shown or logged: environment maps given to processes, values under a
 * key that names a password, secret, token, credential or key, command-line arguments that carry one
 * ({@code --password=...}, {@code token=...}, {@code --password VALUE}), and the user info and query values of
 * URLs. Stored requests keep the values (a resumed operation needs them); only what is shown is masked.
 */
public final class Redaction {
    public static final String MASK = "****";

    /** A name that says its value is secret: password, passwd, pwd, secret, token, credential(s), auth, *key. */
    private static final Pattern SENSITIVE_NAME = Pattern.compile(
            "(?i).*(password|passwd|pwd|secret|token|credential|auth|signature|private).*|(?i).*key");
    /** {@code name=value} or {@code --name=value} inside one argument. */
    private static final Pattern ASSIGNMENT = Pattern.compile("^(-{0,2}[A-Za-z0-9_.\\-]+)([=:])(.+)$");
    /** {@code scheme://user:password@host...}: the user info of any URL in an argument. */
    private static final Pattern USER_INFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.\\-]*://)[^/@\\s]+@");

    /** Keys whose string value is a command line (a deploy's command, the artifact findImage returns). */
    private static final java.util.Set<String> COMMAND_LINES = java.util.Set.of("command", "artifact", "image");

    private Redaction() {
    }

    /** A request (plain maps and lists) as it may be shown. */
    public static Object redact(Object value) {
        return redact(null, value);
    }

    private static Object redact(String key, Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            boolean env = "env".equalsIgnoreCase(key);
            map.forEach((k, v) -> out.put(String.valueOf(k), env ? MASK : redact(String.valueOf(k), v)));
            return out;
        }
        if (value instanceof List<?> list) {
            if ("command".equalsIgnoreCase(key) || "args".equalsIgnoreCase(key)) {
                return args(list.stream().map(v -> v instanceof String s ? s : String.valueOf(v)).toList());
            }
            return list.stream().map(v -> redact(key, v)).toList();
        }
        if (key != null && value != null && isSensitive(key)) {
            return MASK;
        }
        if (value instanceof String s) {
            return COMMAND_LINES.contains(key) ? commandLine(s) : text(s);
        }
        return value;
    }

    /**
     * True for a key or flag name that says its value is secret. The one rule for every front end: the Jenkins
     * binding seals exactly what this names before it stores a request.
     */
    public static boolean isSensitive(String name) {
        String bare = name.replaceFirst("^-+", "");
        return SENSITIVE_NAME.matcher(bare).matches();
    }

    /** Command arguments as they may be shown: a secret-named flag's value, inline or in the next argument, masked. */
    public static List<String> args(List<String> args) {
        List<String> out = new ArrayList<>(args.size());
        boolean maskNext = false;
        for (String a : args) {
            if (maskNext && !a.startsWith("-")) {
                out.add(MASK);
                maskNext = false;
                continue;
            }
            maskNext = false;
            Matcher m = ASSIGNMENT.matcher(a);
            if (m.matches() && isSensitive(m.group(1))) {
                out.add(m.group(1) + m.group(2) + MASK);
            } else if (a.startsWith("-") && !a.contains("=") && isSensitive(a)) {
                out.add(a);
                maskNext = true;
            } else {
                out.add(text(a));
            }
        }
        return out;
    }

    /** A command line (words joined with spaces, as the cluster view shows a group's artifact) as it may be shown. */
    public static String commandLine(String line) {
        if (line == null || line.isBlank()) {
            return line;
        }
        return String.join(" ", args(List.of(line.trim().split("\\s+"))));
    }

    /** Free text: the user info of every URL in it masked. */
    public static String text(String s) {
        return s == null || s.indexOf('@') < 0 ? s : USER_INFO.matcher(s).replaceAll("$1" + MASK + "@");
    }

    /** A URL as it may be logged: user info and every query value masked (names kept), no fragment. */
    public static String url(URI url) {
        if (url == null) {
            return null;
        }
        String query = url.getRawQuery();
        StringBuilder q = new StringBuilder();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (q.length() > 0) {
                    q.append('&');
                }
                int eq = pair.indexOf('=');
                q.append(eq < 0 ? pair : pair.substring(0, eq + 1) + MASK);
            }
        }
        String authority = url.getRawAuthority();
        if (authority != null && authority.contains("@")) {
            authority = MASK + authority.substring(authority.lastIndexOf('@'));
        }
        return (url.getScheme() == null ? "" : url.getScheme() + ":") + (authority == null ? "" : "//" + authority)
                + (url.getRawPath() == null ? "" : url.getRawPath()) + (query == null ? "" : "?" + q);
    }
}
