package io.clusterdeploy.provider.prometheus;

import java.util.regex.Pattern;

/** PromQL's lexical rules that matter when text is put into a query: string literals, regular expressions, names. */
final class PromQl {
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    /** The characters Go's regexp.QuoteMeta escapes: RE2's metacharacters. */
    private static final String REGEX_META = "\\.+*?()|[]{}^$";

    private PromQl() {
    }

    /**
     * {@code value} as the inside of a string literal quoted with {@code quote} ({@code "} or {@code '}), so
     * that the literal means exactly {@code value}: backslashes and the quote escaped, line breaks and other
     * control characters as escapes (PromQL ends a quoted string at a raw line break).
     */
    static String escapeQuoted(String value, char quote) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == quote) {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code value} as a regular expression that matches exactly {@code value}, as Go's regexp.QuoteMeta. */
    static String quoteRegex(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (REGEX_META.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    static boolean isMetricName(String s) {
        return s != null && METRIC_NAME.matcher(s).matches();
    }

    static boolean isLabelName(String s) {
        return s != null && LABEL_NAME.matcher(s).matches();
    }
}
