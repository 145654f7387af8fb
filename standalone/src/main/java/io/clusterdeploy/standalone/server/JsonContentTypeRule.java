package io.clusterdeploy.standalone.server;

import java.util.Locale;
import java.util.Optional;

/**
 * Mutating requests must declare {@code application/json} (UTF-8 if a charset is given). Besides
 * keeping bodies parseable, a browser cannot send this type cross-site without a CORS preflight,
 * which this server never grants.
 */
public final class JsonContentTypeRule implements RequestRule {

    @Override
    public Optional<Rejection> check(RequestHead head) {
        if (!head.mutating() || isJson(head.contentType())) {
            return Optional.empty();
        }
        return Optional.of(new Rejection(415, "UNSUPPORTED_MEDIA_TYPE", "Content-Type",
                head.method() + " requests must have 'Content-Type: application/json', got "
                        + (head.contentType() == null ? "none" : "'" + head.contentType() + "'")));
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().toLowerCase(Locale.ROOT).equals("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].trim().toLowerCase(Locale.ROOT);
            if (param.startsWith("charset=")) {
                String charset = param.substring("charset=".length()).replace("\"", "").trim();
                if (!charset.equals("utf-8")) {
                    return false;
                }
            }
        }
        return true;
    }
}
