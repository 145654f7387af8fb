package io.jenkins.plugins.clusterdeploy.form;

import hudson.model.Descriptor.FormException;
import io.clusterdeploy.engine.error.ClusterDeployException;
import java.util.List;
import java.util.Map;
import net.sf.json.JSONObject;

/**
 * Takes the text fields of a submitted form out of its JSON before Stapler binds the rest, so that a descriptor's
 * {@code newInstance} can set them as lists and maps afterwards. Errors become {@link FormException}s naming the
 * field.
 */
public final class FormFields {
    private final JSONObject form;

    public FormFields(JSONObject form) {
        this.form = form;
    }

    private String take(String field) {
        Object raw = form.remove(field);
        return raw == null ? null : String.valueOf(raw);
    }

    /** Removes {@code field} and returns its entries; null when the form did not have it. */
    public List<String> takeLines(String field) {
        String text = take(field);
        return text == null ? null : FormText.lines(text);
    }

    public List<Integer> takeIntegers(String field) throws FormException {
        String text = take(field);
        try {
            return FormText.integers(field, text);
        } catch (ClusterDeployException e) {
            throw new FormException(e.getMessage(), field);
        }
    }

    public Map<String, Object> takeJsonObject(String field) throws FormException {
        String text = take(field);
        try {
            return FormText.jsonObject(field, text);
        } catch (ClusterDeployException e) {
            throw new FormException(e.getMessage(), field);
        }
    }
}
