package io.clusterdeploy.provider.prometheus;

import io.clusterdeploy.engine.error.ClusterDeployException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A PromQL query with variables, {@code ${name}}, each inside a string literal. The template is read
 * with PromQL's own lexical rules, so each variable knows its literal's quote and whether the literal
 * is a regular expression (right of {@code =~} or {@code !~}, or written {@code ${name:regex}}); a
 * value is then escaped for exactly that place and can only ever be the text it is: a server group
 * named {@code x"} or vector(1)} cannot add PromQL. A variable outside a string literal (or in a
 * comment) is refused, because no escaping makes arbitrary text safe there. {@code $${} writes a
 * literal {@code ${}; {@code ${1}} (a label_replace group) is left as it is.
 */
final class PromQlTemplate {
    private static final String REGEX = "regex";

    private sealed interface Part permits Text, Variable {
    }

    private record Text(String text) implements Part {
    }

    private record Variable(String name, char quote, boolean regex) implements Part {
    }

    private final String source;
    private final String field;
    private final List<Part> parts;
    private final Set<String> variables;

    private PromQlTemplate(String source, String field, List<Part> parts) {
        this.source = source;
        this.field = field;
        this.parts = List.copyOf(parts);
        Set<String> names = new LinkedHashSet<>();
        for (Part p : parts) {
            if (p instanceof Variable v) {
                names.add(v.name());
            }
        }
        this.variables = Set.copyOf(names);
    }

    /**
     * Reads {@code template}; errors are INVALID_INPUT naming {@code field}.
     *
     * @param known the variable names a template may use
     */
    static PromQlTemplate parse(String field, String template, Set<String> known) {
        if (template == null || template.isBlank()) {
            throw ClusterDeployException.invalid(field, field + " must not be empty");
        }
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        int n = template.length();
        char quote = 0; // the open string literal's quote, 0 outside
        boolean regexLiteral = false;
        boolean comment = false;
        while (i < n) {
            char c = template.charAt(i);
            if (template.startsWith("$${", i)) {
                text.append("${");
                i += 3;
                continue;
            }
            if (template.startsWith("${", i)) {
                int close = template.indexOf('}', i + 2);
                String inner = close < 0 ? "" : template.substring(i + 2, close);
                if (quote != 0 && !inner.isEmpty() && Character.isDigit(inner.charAt(0))) {
                    // ${1}: a capture group in a label_replace replacement, Prometheus's own syntax.
                    text.append("${");
                    i += 2;
                    continue;
                }
                if (close < 0 || !inner.matches("[A-Za-z][A-Za-z0-9_]*(:" + REGEX + ")?")) {
                    throw ClusterDeployException.invalid(field, field + ": malformed variable at offset " + i
                            + " (write ${name} or ${name:regex}; $${ for a literal ${)");
                }
                String name = inner.endsWith(":" + REGEX) ? inner.substring(0, inner.length() - REGEX.length() - 1)
                        : inner;
                if (!known.contains(name)) {
                    throw ClusterDeployException.invalid(field, field + ": unknown variable ${" + name + "}; known: "
                            + String.join(", ", known.stream().sorted().map(k -> "${" + k + "}").toList()));
                }
                if (quote == 0) {
                    throw ClusterDeployException.invalid(field, field + ": ${" + name + "} must be inside a string"
                            + " literal, e.g. server_group=\"${" + name + "}\"; outside one no escaping can keep a"
                            + " value from changing the query");
                }
                if (!text.isEmpty()) {
                    parts.add(new Text(text.toString()));
                    text.setLength(0);
                }
                parts.add(new Variable(name, quote, regexLiteral || inner.endsWith(":" + REGEX)));
                i = close + 1;
                continue;
            }
            text.append(c);
            i++;
            if (comment) {
                if (c == '\n') {
                    comment = false;
                }
            } else if (quote == 0) {
                if (c == '#') {
                    comment = true;
                } else if (c == '"' || c == '\'' || c == '`') {
                    quote = c;
                    regexLiteral = followsRegexMatch(text, text.length() - 1);
                }
            } else if (c == '\\' && quote != '`' && i < n) {
                // An escape: the next character is part of the literal whatever it is (a quote, a '$').
                text.append(template.charAt(i));
                i++;
            } else if (c == quote) {
                quote = 0;
            }
        }
        if (quote != 0) {
            throw ClusterDeployException.invalid(field, field + ": a string literal opened with " + quote
                    + " is not closed");
        }
        if (!text.isEmpty()) {
            parts.add(new Text(text.toString()));
        }
        return new PromQlTemplate(template, field, parts);
    }

    /** Whether the quote at {@code at} follows {@code =~} or {@code !~}, spaces aside. */
    private static boolean followsRegexMatch(CharSequence text, int at) {
        int j = at - 1;
        while (j >= 0 && Character.isWhitespace(text.charAt(j))) {
            j--;
        }
        return j >= 1 && text.charAt(j) == '~' && (text.charAt(j - 1) == '=' || text.charAt(j - 1) == '!');
    }

    /** The variables the template uses. */
    Set<String> variables() {
        return variables;
    }

    /** The field the template came from, for errors about it. */
    String field() {
        return field;
    }

    String source() {
        return source;
    }

    /**
     * The query with every variable replaced by its escaped value; {@code values} gives a variable's value
     * (it may throw a ClusterDeployException when the scope has none).
     */
    String render(Function<String, String> values) {
        StringBuilder out = new StringBuilder(source.length() + 32);
        for (Part p : parts) {
            if (p instanceof Text t) {
                out.append(t.text());
            } else if (p instanceof Variable v) {
                String value = values.apply(v.name());
                String literal = v.regex() ? PromQl.quoteRegex(value) : value;
                if (v.quote() == '`') {
                    if (literal.indexOf('`') >= 0) {
                        throw ClusterDeployException.invalid(field, field + ": the value of ${" + v.name()
                                + "} contains a backquote, which a raw string cannot hold; quote it with \" instead");
                    }
                    out.append(literal);
                } else {
                    out.append(PromQl.escapeQuoted(literal, v.quote()));
                }
            }
        }
        return out.toString();
    }
}
