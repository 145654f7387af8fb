package io.clusterdeploy.engine.naming;

import java.util.regex.Pattern;

/** One part of a server group name with its Frigga character rules, named after its input field. */
enum NamePart {
    APPLICATION("application", "[a-zA-Z0-9._]+", "letters, digits, '.' and '_'"),
    STACK("stack", "[a-zA-Z0-9._]+", "letters, digits, '.' and '_'"),
    // Frigga's NAME_HYPHEN_CHARS: the detail alone may hold '-', '~' and '^' (it is the last part).
    DETAIL("detail", "[a-zA-Z0-9._~^-]+", "letters, digits, '.', '_', '~', '^' and '-'");

    private final String field;
    private final Pattern allowed;
    private final String allowedText;

    NamePart(String field, String allowed, String allowedText) {
        this.field = field;
        this.allowed = Pattern.compile(allowed);
        this.allowedText = allowedText;
    }

    /** Input field name used in errors: "application", "stack" or "detail". */
    String field() {
        return field;
    }

    /** Why {@code value} is not valid for this part, or null when it is. Null and "" are never valid here. */
    String problem(String value) {
        if (value == null || value.isEmpty()) {
            return field + " is required";
        }
        if (!allowed.matcher(value).matches()) {
            return field + " '" + value + "' may contain only " + allowedText;
        }
        if (value.chars().allMatch(c -> c == '.')) {
            // "." and ".." cannot be addressed in a URL path, and name directories in files.
            return field + " '" + value + "' must not be made only of dots";
        }
        String reserved = ReservedFormat.reason(value);
        return reserved == null ? null : field + " '" + value + "' " + reserved;
    }
}
