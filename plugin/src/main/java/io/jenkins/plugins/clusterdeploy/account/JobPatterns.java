package io.jenkins.plugins.clusterdeploy.account;

import io.clusterdeploy.engine.error.ClusterDeployException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An account's {@code allowedJobs}: glob patterns over job full names ({@code folder/sub/job}). {@code *} and
 * {@code ?} stay inside one path segment, {@code **} crosses segments: {@code team-a/*} is every job directly in
 * folder {@code team-a}, {@code team-a/**} everything below it, {@code **} every job.
 */
public final class JobPatterns {
    private final List<String> patterns;
    private final List<Pattern> compiled;

    private JobPatterns(List<String> patterns, List<Pattern> compiled) {
        this.patterns = List.copyOf(patterns);
        this.compiled = List.copyOf(compiled);
    }

    /** Checks every pattern; errors name {@code field[i]}. Blank entries are ignored. */
    public static JobPatterns parse(String field, List<String> patterns) {
        List<String> kept = new ArrayList<>();
        List<Pattern> compiled = new ArrayList<>();
        if (patterns != null) {
            for (int i = 0; i < patterns.size(); i++) {
                String p = patterns.get(i) == null ? "" : patterns.get(i).strip();
                if (p.isEmpty()) {
                    continue;
                }
                String at = field + "[" + i + "]";
                if (p.startsWith("/") || p.endsWith("/") || p.contains("//")) {
                    throw ClusterDeployException.invalid(at, at + ": '" + p
                            + "' is not a job full name pattern (no leading, trailing or double '/')");
                }
                if (p.chars().anyMatch(Character::isISOControl)) {
                    throw ClusterDeployException.invalid(at, at + " must not contain control characters");
                }
                kept.add(p);
                compiled.add(toRegex(p));
            }
        }
        return new JobPatterns(kept, compiled);
    }

    private static Pattern toRegex(String glob) {
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    re.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                if (c == '?') {
                    re.append("[^/]");
                } else if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    re.append(".*");
                    i++;
                } else {
                    re.append("[^/]*");
                }
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            re.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(re.toString());
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    public List<String> patterns() {
        return patterns;
    }

    /** True when some pattern without wildcards is exactly {@code jobFullName}. */
    public boolean namesExactly(String jobFullName) {
        return jobFullName != null && patterns.stream()
                .anyMatch(p -> p.indexOf('*') < 0 && p.indexOf('?') < 0 && p.equals(jobFullName));
    }

    /** True when some pattern matches the whole full name. */
    public boolean matches(String jobFullName) {
        if (jobFullName == null) {
            return false;
        }
        return compiled.stream().anyMatch(p -> p.matcher(jobFullName).matches());
    }
}
