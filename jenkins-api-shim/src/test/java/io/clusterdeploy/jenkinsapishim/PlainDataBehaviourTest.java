package io.clusterdeploy.jenkinsapishim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.ExtensionList;
import hudson.model.Item;
import hudson.security.Permission;
import hudson.security.PermissionGroup;
import hudson.security.PermissionScope;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import hudson.util.Secret;
import jenkins.model.Jenkins;
import net.sf.json.JSONException;
import net.sf.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.jvnet.localizer.Localizable;
import org.jvnet.localizer.ResourceBundleHolder;

/** The plain-data behaviours the shim implements (everything else throws UnsupportedOperationException). */
class PlainDataBehaviourTest {

    @Test
    void formValidationCarriesKindAndEscapedMessage() {
        assertThat(FormValidation.ok().kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(FormValidation.ok().getMessage()).isNull();
        assertThat(FormValidation.ok("fine").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(FormValidation.ok("fine").getMessage()).isEqualTo("fine");
        assertThat(FormValidation.warning("careful").kind).isEqualTo(FormValidation.Kind.WARNING);

        FormValidation error = FormValidation.error("bad <url> & \"x\"");
        assertThat(error.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(error.getMessage()).isEqualTo("bad &lt;url&gt; &amp; &quot;x&quot;");
        assertThat(error.renderHtml()).isEqualTo(error.getMessage());

        FormValidation withCause = FormValidation.error(new IllegalStateException("cause"), "unreachable");
        assertThat(withCause.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(withCause.getMessage()).isEqualTo("unreachable");

        assertThat(FormValidation.error((String) null)).isSameAs(FormValidation.ok());
    }

    @Test
    void listBoxModelIsAListOfOptions() {
        ListBoxModel model = new ListBoxModel().add("only");
        model.add("Display", "value");

        assertThat(model).hasSize(2);
        assertThat(model.get(0).name).isEqualTo("only");
        assertThat(model.get(0).value).isEqualTo("only");
        assertThat(model.get(1).name).isEqualTo("Display");
        assertThat(model.get(1).value).isEqualTo("value");
        assertThat(model.get(1).selected).isFalse();
        assertThat(new ListBoxModel.Option("a", "b", true)).hasToString("a=b[selected]");
    }

    @Test
    void credentialsListBoxModelAddsEmptyAndCurrentValues() {
        StandardListBoxModel model = new StandardListBoxModel();
        model.includeEmptyValue().includeCurrentValue("my-credentials-id").includeEmptyValue();

        assertThat(model).extracting(o -> o.value).containsExactly("", "my-credentials-id");
        assertThat(model).extracting(o -> o.name).containsExactly("- none -", "- current -");
    }

    @Test
    void secretRoundTrips() {
        Secret secret = Secret.fromString("s3cr3t");
        assertThat(secret.getPlainText()).isEqualTo("s3cr3t");
        assertThat(Secret.toString(secret)).isEqualTo("s3cr3t");
        assertThat(Secret.toString(null)).isEmpty();
        assertThat(Secret.fromString(null).getPlainText()).isEmpty();
        assertThat(Secret.fromString("s3cr3t")).isEqualTo(secret).hasSameHashCodeAs(secret);
    }

    @Test
    void corePermissionsHaveTheirRealIdsAndImplications() {
        assertThat(Jenkins.PERMISSIONS.getId()).isEqualTo("Overall");
        assertThat(Jenkins.ADMINISTER.getId()).isEqualTo("hudson.model.Hudson.Administer");
        assertThat(Jenkins.READ.getId()).isEqualTo("hudson.model.Hudson.Read");
        assertThat(Jenkins.READ.impliedBy).isEqualTo(Permission.READ);
        assertThat(Permission.READ.impliedBy).isEqualTo(Jenkins.ADMINISTER);

        assertThat(Item.PERMISSIONS.getId()).isEqualTo("Job");
        assertThat(Item.CONFIGURE.getId()).isEqualTo("hudson.model.Item.Configure");
        assertThat(Item.CONFIGURE.impliedBy).isEqualTo(Permission.CONFIGURE);
        assertThat(Item.READ.name).isEqualTo("Read");
        assertThat(Item.BUILD.impliedBy).isEqualTo(Permission.UPDATE);
        assertThat(Item.CONFIGURE.isContainedBy(PermissionScope.ITEM_GROUP)).isTrue();
        assertThat(Jenkins.READ.isContainedBy(PermissionScope.ITEM)).isFalse();
        assertThat(Item.PERMISSIONS.getPermissions()).contains(Item.CONFIGURE, Item.READ, Item.BUILD);
    }

    @Test
    void pluginPermissionGroupsRegisterTheirPermissions() {
        Localizable title = new Localizable(ResourceBundleHolder.get(PlainDataBehaviourTest.class), "unused");
        PermissionGroup group = new PermissionGroup("ClusterDeploy", PlainDataBehaviourTest.class, title);
        Permission deploy = new Permission(group, "Deploy", null, Item.BUILD, PermissionScope.ITEM);

        assertThat(group.getId()).isEqualTo("ClusterDeploy");
        assertThat(group.find("Deploy")).isSameAs(deploy);
        assertThat(deploy.getId()).isEqualTo(PlainDataBehaviourTest.class.getName() + ".Deploy");
        assertThat((Object) PermissionGroup.get(PlainDataBehaviourTest.class)).isSameAs(group);
        assertThatThrownBy(() -> new Permission(group, "Deploy", null, null, PermissionScope.ITEM))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Permission(group, "not an identifier", null, null, PermissionScope.ITEM))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thereIsNoRunningJenkins() {
        assertThat(Jenkins.getInstanceOrNull()).isNull();
        assertThatThrownBy(Jenkins::get).isInstanceOf(IllegalStateException.class);
        assertThat(ExtensionList.lookup(Jenkins.class).size()).isZero();
        assertThatThrownBy(() -> ExtensionList.lookupSingleton(Jenkins.class)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void jsonObjectBasics() {
        JSONObject json = new JSONObject().element("name", "prod").element("enabled", true);
        json.put("missing", null);

        assertThat(json.getString("name")).isEqualTo("prod");
        assertThat(json.optString("absent")).isEmpty();
        assertThat(json.has("missing")).isFalse();
        assertThat(json.getBoolean("enabled")).isTrue();
        assertThatThrownBy(() -> json.getString("absent")).isInstanceOf(JSONException.class);
        assertThat(json.toString()).isEqualTo("{\"name\":\"prod\",\"enabled\":true}");
    }
}
