package io.jenkins.plugins.clusterdeploy.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.clusterdeploy.account.AwsAccount;
import io.jenkins.plugins.clusterdeploy.account.KubernetesAccount;
import io.jenkins.plugins.clusterdeploy.account.LocalAccount;
import io.jenkins.plugins.clusterdeploy.config.ClusterDeployConfiguration;
import io.jenkins.plugins.clusterdeploy.config.TrafficGuardEntry;
import io.jenkins.plugins.clusterdeploy.freestyle.ClusterOperationBuilder;
import io.jenkins.plugins.clusterdeploy.freestyle.DeployServerGroupBuilder;
import io.jenkins.plugins.clusterdeploy.steps.CheckClusterSizeStep;
import io.jenkins.plugins.clusterdeploy.steps.DeployRollback;
import io.jenkins.plugins.clusterdeploy.steps.DeployServerGroupStep;
import io.jenkins.plugins.clusterdeploy.steps.DeployServerGroupWithValidationStep;
import io.jenkins.plugins.clusterdeploy.steps.DestroyServerGroupStep;
import io.jenkins.plugins.clusterdeploy.steps.DisableClusterStep;
import io.jenkins.plugins.clusterdeploy.steps.DisableServerGroupStep;
import io.jenkins.plugins.clusterdeploy.steps.EnableServerGroupStep;
import io.jenkins.plugins.clusterdeploy.steps.FindImageFromClusterStep;
import io.jenkins.plugins.clusterdeploy.steps.ResizeServerGroupStep;
import io.jenkins.plugins.clusterdeploy.steps.RollbackClusterStep;
import io.jenkins.plugins.clusterdeploy.steps.ScaleDownClusterStep;
import io.jenkins.plugins.clusterdeploy.steps.ServerGroupCapacity;
import io.jenkins.plugins.clusterdeploy.steps.ShrinkClusterStep;
import io.jenkins.plugins.clusterdeploy.steps.UpsertLoadBalancerStep;
import java.beans.Introspector;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.interceptor.RequirePOST;
import org.kohsuke.stapler.verb.GET;
import org.kohsuke.stapler.verb.POST;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The plugin's conventions, checked on the classes and resources themselves: help for every field of every step,
 * builder, account and nested object (found through the class hierarchy, as Jenkins finds it), and a form tag that
 * renders that help; a symbol on every descriptor, POST on every form-check/fill/test method; Jelly views that
 * escape by default, carry no inline script, use no message arguments, and give every repeatable entry its delete
 * button.
 */
class HelpAndViewsTest {
    private static final List<Class<?>> DESCRIBED = List.of(DeployServerGroupStep.class,
            DeployServerGroupWithValidationStep.class, ResizeServerGroupStep.class, EnableServerGroupStep.class,
            DisableServerGroupStep.class, DestroyServerGroupStep.class, UpsertLoadBalancerStep.class,
            RollbackClusterStep.class, DisableClusterStep.class, ScaleDownClusterStep.class, ShrinkClusterStep.class,
            FindImageFromClusterStep.class, CheckClusterSizeStep.class, ServerGroupCapacity.class, DeployRollback.class,
            io.jenkins.plugins.clusterdeploy.steps.CanaryAnalysisStep.class,
            DeployServerGroupBuilder.class, ClusterOperationBuilder.class, LocalAccount.class, KubernetesAccount.class, AwsAccount.class,
            TrafficGuardEntry.class,
            ClusterDeployConfiguration.class);

    /** Every data-bound field: constructor parameters and setters. */
    private static Set<String> fields(Class<?> c) {
        Set<String> out = new LinkedHashSet<>();
        for (Constructor<?> k : c.getConstructors()) {
            if (k.isAnnotationPresent(DataBoundConstructor.class)) {
                for (Parameter p : k.getParameters()) {
                    assertThat(p.isNamePresent()).as("compiled with -parameters").isTrue();
                    out.add(p.getName());
                }
            }
        }
        for (Method m : c.getMethods()) {
            if (m.isAnnotationPresent(DataBoundSetter.class)) {
                out.add(Introspector.decapitalize(m.getName().substring(3)));
            }
        }
        return out;
    }

    private static boolean hasHelp(Class<?> c, String field) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            if (k.getResource(k.getSimpleName() + "/help-" + field + ".html") != null) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyFieldHasHelp() {
        List<String> missing = new ArrayList<>();
        for (Class<?> c : DESCRIBED) {
            Set<String> fields = fields(c);
            assertThat(fields).as(c.getSimpleName()).isNotEmpty();
            for (String f : fields) {
                if (!hasHelp(c, f)) {
                    missing.add(c.getSimpleName() + "." + f);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyDescriptorHasASymbolAndEveryWebMethodIsPostOrGet() throws Exception {
        for (Class<?> c : DESCRIBED) {
            for (Class<?> inner : c.getDeclaredClasses()) {
                if (hudson.model.Descriptor.class.isAssignableFrom(inner) && !Modifier.isAbstract(inner.getModifiers())) {
                    assertThat(inner.getAnnotation(Symbol.class)).as(inner.getName()).isNotNull();
                }
            }
        }
        assertThat(ClusterDeployConfiguration.class.getAnnotation(Symbol.class).value()).containsExactly("clusterDeploy");
        for (Class<?> c : webClasses()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().startsWith("do") && Modifier.isPublic(m.getModifiers())) {
                    boolean post = m.isAnnotationPresent(POST.class) || m.isAnnotationPresent(RequirePOST.class);
                    boolean get = m.isAnnotationPresent(GET.class);
                    assertThat(post || get).as(c.getSimpleName() + "." + m.getName()).isTrue();
                    if (m.getName().startsWith("doCheck") || m.getName().startsWith("doFill")
                            || m.getName().startsWith("doTest")) {
                        assertThat(post).as(m.getName() + " must be POST").isTrue();
                        assertThat(Stream.of(m.getParameters()).allMatch(p -> p.isAnnotationPresent(QueryParameter.class)))
                                .isTrue();
                    }
                }
            }
        }
    }

    private static List<Class<?>> webClasses() {
        return List.of(io.jenkins.plugins.clusterdeploy.account.CloudAccountDescriptor.class,
                LocalAccount.DescriptorImpl.class, io.jenkins.plugins.clusterdeploy.ui.ClusterDeployRootAction.class,
                io.jenkins.plugins.clusterdeploy.run.ClusterDeployRunAction.class);
    }

    @Test
    void jellyViewsEscapeByDefaultAndHaveNoInlineScript() throws IOException {
        Path resources = Path.of("src/main/resources");
        List<Path> jelly;
        try (Stream<Path> files = Files.walk(resources)) {
            jelly = files.filter(p -> p.toString().endsWith(".jelly")).toList();
        }
        assertThat(jelly).hasSizeGreaterThan(15);
        for (Path p : jelly) {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            assertThat(text).as(p.toString()).startsWith("<?jelly escape-by-default='true'?>");
            // Self-closing script tags with a src are external files; anything else is inline.
            assertThat(text.replaceAll("<script\\b[^>]*\\bsrc=\"[^\"]+\"[^>]*/>", ""))
                    .as(p + ": scripts only as external files").doesNotContain("<script");
            assertThat(text).as(p.toString()).doesNotContain(" onclick=").doesNotContain(" onload=");
        }
    }

    // ---- help that is rendered, repeatables that can be deleted, message keys ---------------------------------

    private static final String FORM = "/lib/form";
    /**
     * The form tags that render a help link for their {@code field} (core's lib/form: entry.jelly, optionalBlock.jelly,
     * optionalProperty.jelly through optionalBlock, dropdownDescriptorSelector.jelly). property.jelly,
     * repeatableProperty.jelly and repeatableHeteroProperty.jelly render none for the field.
     */
    private static final Set<String> RENDERS_FIELD_HELP = Set.of("entry", "optionalBlock", "optionalProperty",
            "dropdownDescriptorSelector");

    /** The class's form: its own config.jelly, or the nearest superclass's, as Stapler finds views. */
    private static Document configPage(Class<?> c) throws Exception {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            try (InputStream in = k.getResourceAsStream(k.getSimpleName() + "/config.jelly")) {
                if (in != null) {
                    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                    f.setNamespaceAware(true);
                    return f.newDocumentBuilder().parse(in);
                }
            }
        }
        return null;
    }

    private static List<Element> formTags(Document page, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = page.getElementsByTagNameNS(FORM, name);
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    @Test
    void everyFieldsHelpIsRenderedByItsForm() throws Exception {
        List<String> unrendered = new ArrayList<>();
        int checked = 0;
        for (Class<?> c : DESCRIBED) {
            Document page = configPage(c);
            assertThat(page).as(c.getSimpleName() + " has a config.jelly").isNotNull();
            Set<String> rendered = new LinkedHashSet<>();
            for (String tag : RENDERS_FIELD_HELP) {
                formTags(page, tag).forEach(e -> rendered.add(e.getAttribute("field")));
            }
            for (String f : fields(c)) {
                if (hasHelp(c, f)) {
                    checked++;
                    if (!rendered.contains(f)) {
                        unrendered.add(c.getSimpleName() + "." + f);
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(50);
        assertThat(unrendered).as("help files no form tag renders (f:property renders none: wrap it or add an entry)")
                .isEmpty();
    }

    @Test
    void everyRepeatableEntryHasADeleteButton() throws Exception {
        List<String> undeletable = new ArrayList<>();
        int repeatables = 0;
        for (Class<?> c : DESCRIBED) {
            Document page = configPage(c);
            for (Element r : formTags(page, "repeatableProperty")) {
                repeatables++;
                Class<?> item = listItemType(c, r.getAttribute("field"));
                Document itemPage = configPage(item);
                if (itemPage == null || formTags(itemPage, "repeatableDeleteButton").isEmpty()) {
                    undeletable.add(c.getSimpleName() + "." + r.getAttribute("field") + " (" + item.getSimpleName()
                            + "/config.jelly)");
                }
            }
            for (Element r : formTags(page, "repeatable")) {
                repeatables++;
                if (r.getElementsByTagNameNS(FORM, "repeatableDeleteButton").getLength() == 0) {
                    undeletable.add(c.getSimpleName() + ": f:repeatable without f:repeatableDeleteButton");
                }
            }
        }
        assertThat(repeatables).isPositive();
        assertThat(undeletable).as("f:repeatableProperty renders no delete button: each entry's config.jelly needs"
                + " f:repeatableDeleteButton (core: EnvironmentVariablesNodeProperty/config.jelly)").isEmpty();
    }

    private static Class<?> listItemType(Class<?> owner, String field) throws Exception {
        Method getter = owner.getMethod("get" + Character.toUpperCase(field.charAt(0)) + field.substring(1));
        Type t = getter.getGenericReturnType();
        assertThat(t).as(owner.getSimpleName() + "." + field + " is a list").isInstanceOf(ParameterizedType.class);
        return (Class<?>) ((ParameterizedType) t).getActualTypeArguments()[0];
    }

    private static final Pattern MESSAGE = Pattern.compile("\\$\\{%([^}]*)}");

    @Test
    void noMessageKeyTakesArguments() throws IOException {
        // Stapler reads ${%Key(args)} as a message with arguments: what follows '(' never shows.
        List<String> withArguments = new ArrayList<>();
        int keys = 0;
        for (Path p : jellyFiles()) {
            Matcher m = MESSAGE.matcher(Files.readString(p, StandardCharsets.UTF_8));
            while (m.find()) {
                keys++;
                if (m.group(1).contains("(") || m.group(1).contains(")")) {
                    withArguments.add(p.getFileName() + ": ${%" + m.group(1) + "}");
                }
            }
        }
        assertThat(keys).isGreaterThan(100);
        assertThat(withArguments).isEmpty();
    }

    static List<Path> jellyFiles() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources"))) {
            return files.filter(p -> p.toString().endsWith(".jelly")).toList();
        }
    }
}
