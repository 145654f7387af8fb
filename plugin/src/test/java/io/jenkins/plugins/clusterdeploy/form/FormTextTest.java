package io.jenkins.plugins.clusterdeploy.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.Descriptor.FormException;
import io.clusterdeploy.engine.error.ClusterDeployException;
import java.util.List;
import java.util.Map;
import net.sf.json.JSONObject;
import org.junit.jupiter.api.Test;

/** The form's text versions of lists and maps, read back into what Pipeline scripts pass directly. */
class FormTextTest {
    @Test
    void linesSplitOnLineBreaksAndCommas() {
        assertThat(FormText.lines(" a \n\nb, c\r\n")).containsExactly("a", "b", "c");
        assertThat(FormText.lines(null)).isEmpty();
        assertThat(FormText.linesText(List.of("a", "b"))).isEqualTo("a\nb\n");
    }

    @Test
    void integers() {
        assertThat(FormText.integers("targetPercentages", "25, 50 100")).containsExactly(25, 50, 100);
        assertThat(FormText.integers("targetPercentages", " ")).isNull();
        assertThatThrownBy(() -> FormText.integers("targetPercentages", "25, half"))
                .isInstanceOf(ClusterDeployException.class).hasMessage("targetPercentages: 'half' is not a whole number");
        assertThat(FormText.integersText(List.of(25, 50))).isEqualTo("25, 50");
    }

    @Test
    void jsonObjectsArePlainMapsOnly() {
        assertThat(FormText.jsonObject("spec", "{\"command\": [\"a\", \"b\"], \"port\": 8080}"))
                .isEqualTo(Map.of("command", List.of("a", "b"), "port", 8080));
        assertThat(FormText.jsonObject("spec", "")).isNull();
        assertThatThrownBy(() -> FormText.jsonObject("spec", "[1]")).hasMessageStartingWith("spec: ");
        assertThatThrownBy(() -> FormText.jsonObject("spec", "{oops")).hasMessageContaining("malformed JSON");
        assertThat(FormText.jsonText(Map.of("port", 1))).contains("\"port\" : 1");
    }

    @Test
    void formFieldsAreTakenOutOfTheSubmittedForm() throws Exception {
        JSONObject form = new JSONObject();
        form.put("account", "local");
        form.put("loadBalancers", "a\nb");
        form.put("targetPercentages", "50,100");
        form.put("spec", "{\"command\": \"run\"}");
        FormFields fields = new FormFields(form);
        assertThat(fields.takeLines("loadBalancers")).containsExactly("a", "b");
        assertThat(fields.takeIntegers("targetPercentages")).containsExactly(50, 100);
        assertThat(fields.takeJsonObject("spec")).isEqualTo(Map.of("command", "run"));
        assertThat(fields.takeLines("securityGroups")).isNull();
        assertThat(form.keySet()).containsExactly("account");

        JSONObject bad = new JSONObject();
        bad.put("spec", "not json");
        assertThatThrownBy(() -> new FormFields(bad).takeJsonObject("spec")).isInstanceOf(FormException.class)
                .satisfies(e -> assertThat(((FormException) e).getFormField()).isEqualTo("spec"));
    }
}
