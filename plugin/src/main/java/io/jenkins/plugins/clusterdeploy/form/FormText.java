package io.jenkins.plugins.clusterdeploy.form;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The text forms of the list and map parameters, for web forms (a textarea cannot hold a list): lists are one
 * entry per line (commas work too), {@code spec} is a JSON object. Pipeline scripts pass real lists and maps and
 * never come here. JSON is read with the engine's reader, which builds plain maps and lists only.
 */
public final class FormText {
    private static final Json JSON = new Json();

    private FormText() {
    }

    /** Non-blank entries of a text, split on line breaks and commas, stripped. */
    public static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        if (text != null) {
            for (String part : text.split("[\\r\\n,]+")) {
                String p = part.strip();
                if (!p.isEmpty()) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** Whole numbers separated by line breaks, commas or spaces; null for a blank text. */
    public static List<Integer> integers(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<Integer> out = new ArrayList<>();
        for (String part : text.strip().split("[\\s,]+")) {
            try {
                out.add(Integer.valueOf(part));
            } catch (NumberFormatException e) {
                throw ClusterDeployException.invalid(field, field + ": '" + part + "' is not a whole number");
            }
        }
        return out;
    }

    /** A JSON object; null for a blank text. */
    public static Map<String, Object> jsonObject(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JSON.readObject(text);
        } catch (ClusterDeployException e) {
            throw ClusterDeployException.invalid(field, field + ": " + e.getMessage());
        }
    }

    public static String linesText(List<?> values) {
        if (values == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (Object v : values) {
            b.append(v).append('\n');
        }
        return b.toString();
    }

    public static String integersText(List<Integer> values) {
        return values == null ? "" : String.join(", ", values.stream().map(String::valueOf).toList());
    }

    public static String jsonText(Map<String, Object> value) {
        return value == null || value.isEmpty() ? "" : JSON.write(value);
    }
}
