package hudson.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.ModelObject;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * Shim of {@code hudson.util.ListBoxModel} (Jenkins 2.541.3): a list of options (plain data). Rendering it as an
 * HTTP response needs Stapler's exporter and throws here; the deprecated javax overloads are omitted.
 */
public class ListBoxModel extends ArrayList<ListBoxModel.Option> implements HttpResponse {
    private static final long serialVersionUID = 1L;

    public static final class Option {
        @NonNull
        public String name;

        @NonNull
        public String value;

        public boolean selected;

        public Option(@NonNull String name, @NonNull String value) {
            this(name, value, false);
        }

        public Option(@NonNull String name) {
            this(name, name, false);
        }

        public Option(@NonNull String name, @NonNull String value, boolean selected) {
            this.name = name;
            this.value = value;
            this.selected = selected;
        }

        @Override
        public String toString() {
            return name + "=" + value + (selected ? "[selected]" : "");
        }
    }

    public ListBoxModel(int initialCapacity) {
        super(initialCapacity);
    }

    public ListBoxModel() {
    }

    public ListBoxModel(Collection<Option> c) {
        super(c);
    }

    public ListBoxModel(Option... data) {
        super(Arrays.asList(data));
    }

    public void add(@NonNull String displayName, @NonNull String value) {
        add(new Option(displayName, value));
    }

    public void add(ModelObject usedForDisplayName, @NonNull String value) {
        add(usedForDisplayName.getDisplayName(), value);
    }

    public ListBoxModel add(@NonNull String nameAndValue) {
        add(nameAndValue, nameAndValue);
        return this;
    }

    public void writeTo(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException, ServletException {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }

    @Override
    public void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node) throws IOException, ServletException {
        writeTo(req, rsp);
    }
}
