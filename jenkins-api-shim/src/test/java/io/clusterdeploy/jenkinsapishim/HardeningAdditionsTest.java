package io.clusterdeploy.jenkinsapishim;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Describable;
import hudson.model.Descriptor;
import java.util.ArrayList;
import java.util.List;
import jenkins.scm.api.SCMHead;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.junit.jupiter.api.Test;

/** The plain behaviour of the members added for issue #8 (see SOURCES.md). */
class HardeningAdditionsTest {

    public static final class Thing implements Describable<Thing> {
        final String from;

        public Thing() {
            this("no-arg constructor");
        }

        Thing(String from) {
            this.from = from;
        }
    }

    /** Records the forms it was asked to build from. */
    static final class ThingDescriptor extends Descriptor<Thing> {
        final List<JSONObject> built = new ArrayList<>();
        private final String id;

        ThingDescriptor(String id) {
            super(Thing.class);
            this.id = id;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public Thing newInstance(org.kohsuke.stapler.StaplerRequest2 req, JSONObject formData) {
            built.add(formData);
            return new Thing(id);
        }
    }

    @Test
    void heteroListsAreBuiltByTheDescriptorEachEntryNames() throws Exception {
        ThingDescriptor byClass = new ThingDescriptor(Thing.class.getName());
        ThingDescriptor byKind = new ThingDescriptor("special");
        JSONObject first = new JSONObject();
        first.put("$class", Thing.class.getName());
        JSONObject second = new JSONObject();
        second.put("kind", "special");
        JSONObject unknown = new JSONObject();
        unknown.put("$class", "no.such.Type");
        JSONArray entries = new JSONArray();
        entries.add(first);
        entries.add(second);
        entries.add(unknown);
        JSONObject form = new JSONObject();
        form.put("things", entries);

        // kind names a descriptor by id; $class takes the first descriptor of that class, as core does.
        List<Thing> things = Descriptor.newInstancesFromHeteroList(null, form, "things", List.of(byClass, byKind));
        assertThat(things).extracting(t -> t.from).containsExactly(Thing.class.getName(), "special");
        assertThat(byClass.built).containsExactly(first);
        assertThat(byKind.built).containsExactly(second);

        JSONObject one = new JSONObject();
        one.put("things", first);
        assertThat(Descriptor.newInstancesFromHeteroList(null, one, "things", List.of(byClass))).hasSize(1);
        assertThat(Descriptor.newInstancesFromHeteroList(null, new JSONObject(), "things", List.of(byClass))).isEmpty();
        assertThat(Descriptor.findById(List.of(byClass, byKind), "special")).isSameAs(byKind);
    }

    @Test
    void newInstanceWithoutARequestUsesTheNoArgumentConstructor() throws Exception {
        Descriptor<Thing> plain = new Descriptor<>(Thing.class) {
        };
        assertThat(plain.newInstance(null, new JSONObject()).from).isEqualTo("no-arg constructor");
    }

    @Test
    void noItemHasAHeadWithoutMultibranchProjects() {
        assertThat(SCMHead.HeadByItem.findHead(null)).isNull();
        assertThat(new SCMHead("main")).isEqualTo(new SCMHead("main")).isNotEqualTo(new SCMHead("dev"));
        assertThat(new SCMHead("a").compareTo(new SCMHead("b"))).isNegative();
    }
}
