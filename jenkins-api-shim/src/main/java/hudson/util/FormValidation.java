package hudson.util;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * Shim of {@code hudson.util.FormValidation} (Jenkins 2.541.3): {@link #kind} plus the message as
 * {@link #getMessage()}, HTML-escaped like the real factories do ({@code error(null)} is {@code ok()};
 * {@code ok()} has no message). Difference: the real {@code error(Throwable, String)} message also carries a
 * "show details" stack trace fragment; here it is the escaped message alone.
 */
public abstract class FormValidation extends IOException implements HttpResponse {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        OK,
        WARNING,
        ERROR
    }

    public final Kind kind;

    private FormValidation(Kind kind) {
        this.kind = kind;
    }

    private FormValidation(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    private static final FormValidation OK = new FormValidation(Kind.OK) {
        private static final long serialVersionUID = 1L;

        @Override
        public String renderHtml() {
            return "<div/>";
        }
    };

    public static FormValidation ok() {
        return OK;
    }

    public static FormValidation ok(String message) {
        return withMarkup(Kind.OK, escape(message));
    }

    public static FormValidation warning(String message) {
        return withMarkup(Kind.WARNING, escape(message));
    }

    public static FormValidation error(String message) {
        return withMarkup(Kind.ERROR, escape(message));
    }

    public static FormValidation error(Throwable e, String message) {
        return withMarkup(Kind.ERROR, escape(message));
    }

    public abstract String renderHtml();

    @Override
    public void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node) throws IOException, ServletException {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }

    private static FormValidation withMarkup(Kind kind, String markup) {
        if (markup == null) {
            return ok();
        }
        return new FormValidation(kind, markup) {
            private static final long serialVersionUID = 1L;

            @Override
            public String renderHtml() {
                return markup;
            }

            @Override
            public String toString() {
                return kind + ": " + markup;
            }
        };
    }

    /** Same character mapping as the real {@code hudson.Util.escape}. */
    private static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '\n' -> out.append("<br>");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#039;");
                case ' ' -> out.append(i + 1 < text.length() && text.charAt(i + 1) == ' ' ? "&nbsp;" : " ");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
