package io.clusterdeploy.provider.local;

import io.clusterdeploy.engine.error.ClusterDeployException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command of a server group's instances, with {@code $PORT}/{@code ${PORT}} and
 * {@code $INSTANCE_ID}/{@code ${INSTANCE_ID}} filled in per instance. Never run through a shell.
 *
 * @param args executable followed by its arguments
 */
public record CommandTemplate(List<String> args) {

    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\$(?:\\{(PORT|INSTANCE_ID)\\}|(PORT|INSTANCE_ID)(?![A-Za-z0-9_]))");

    public CommandTemplate {
        args = List.copyOf(args);
        if (args.isEmpty()) {
            throw new IllegalArgumentException("a command needs an executable");
        }
    }

    /** A list of strings, or one string split on whitespace; errors name {@code field}. */
    static CommandTemplate parse(String field, Object raw) {
        List<String> args = new ArrayList<>();
        if (raw instanceof String s) {
            if (!s.isBlank()) {
                args.addAll(Arrays.asList(s.trim().split("\\s+")));
            }
        } else if (raw instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                if (!(item instanceof String s)) {
                    throw ClusterDeployException.invalid(field + "[" + i + "]", field + "[" + i + "] must be a string");
                }
                args.add(s);
            }
        } else if (raw != null) {
            throw ClusterDeployException.invalid(field, field + " must be a list of strings or one string");
        }
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).indexOf('\0') >= 0) {
                // The kernel takes arguments as NUL-terminated strings: such an argument cannot be passed.
                String at = raw instanceof List<?> ? field + "[" + i + "]" : field;
                throw ClusterDeployException.invalid(at, at + " must not contain NUL characters");
            }
        }
        if (args.isEmpty() || args.get(0).isBlank()) {
            throw ClusterDeployException.invalid(field, field + " is required: the executable and its arguments");
        }
        if (PLACEHOLDER.matcher(args.get(0)).find()) {
            throw ClusterDeployException.invalid(field,
                    "the executable '" + args.get(0) + "' must not contain $PORT or $INSTANCE_ID");
        }
        return new CommandTemplate(args);
    }

    public String executable() {
        return args.get(0);
    }

    /** The arguments for one instance. */
    public List<String> render(int port, String instanceId) {
        return args.stream().map(a -> substitute(a, port, instanceId)).toList();
    }

    static String substitute(String text, int port, String instanceId) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            String value = name.equals("PORT") ? Integer.toString(port) : instanceId;
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The command as shown in the cluster view: its words joined with spaces, placeholders kept. */
    @Override
    public String toString() {
        return String.join(" ", args);
    }
}
