package io.clusterdeploy.provider.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromQlTemplateTest {
    private static String render(String template, String value) {
        return PromQlTemplate.parse("query", template, ScopeVariables.NAMES).render(name -> Map.of("scope", value,
                "cluster", value, "location", value).get(name));
    }

    private static ClusterDeployException refused(String template) {
        try {
            PromQlTemplate.parse("query", template, ScopeVariables.NAMES);
        } catch (ClusterDeployException e) {
            assertThat(e.field()).isEqualTo("query");
            return e;
        }
        throw new AssertionError("accepted: " + template);
    }

    @Test
    void aValueIsEscapedForTheQuoteOfItsLiteral() {
        String hostile = "a\"} or vector(1) #\\'\n`";
        assertThat(render("up{server_group=\"${scope}\"}", hostile))
                .isEqualTo("up{server_group=\"a\\\"} or vector(1) #\\\\'\\n`\"}");
        assertThat(render("up{server_group='${scope}'}", hostile))
                .isEqualTo("up{server_group='a\"} or vector(1) #\\\\\\'\\n`'}");
        assertThat(render("up{server_group=\"${scope}\"}", "tab\tbell\u0007")).isEqualTo("up{server_group=\"tab\\tbell\\x07\"}");
    }

    @Test
    void aRawStringTakesAValueWithoutABackquoteAndRefusesOneWithIt() {
        assertThat(render("up{server_group=`${scope}`}", "a\"b\\c")).isEqualTo("up{server_group=`a\"b\\c`}");
        assertThatThrownBy(() -> render("up{server_group=`${scope}`}", "a`b"))
                .isInstanceOf(ClusterDeployException.class).hasMessageContaining("backquote");
    }

    @Test
    void inARegularExpressionTheValueMatchesOnlyItself() {
        assertThat(render("up{cluster=~\"${cluster}-v[0-9]+\"}", "shop.web(1)"))
                .isEqualTo("up{cluster=~\"shop\\\\.web\\\\(1\\\\)-v[0-9]+\"}");
        assertThat(render("up{cluster !~ \"${cluster}\"}", "a|b")).isEqualTo("up{cluster !~ \"a\\\\|b\"}");
        assertThat(render("up{cluster=~`${cluster}`}", "a.b")).isEqualTo("up{cluster=~`a\\.b`}");
        // label_replace's regex argument is no matcher: say so with :regex.
        assertThat(render("label_replace(up, \"x\", \"$1\", \"cluster\", \"(${cluster:regex})-.*\")", "a.b"))
                .isEqualTo("label_replace(up, \"x\", \"$1\", \"cluster\", \"(a\\\\.b)-.*\")");
        // An equality matcher after a regex one is plain again.
        assertThat(render("up{a=~\"x.*\",cluster=\"${cluster}\"}", "a.b")).isEqualTo("up{a=~\"x.*\",cluster=\"a.b\"}");
    }

    @Test
    void aVariableOutsideAStringLiteralIsRefused() {
        assertThat(refused("sum(up) by (${cluster})").getMessage()).contains("${cluster} must be inside a string literal");
        assertThat(refused("up{cluster=${cluster}}").getMessage()).contains("must be inside a string literal");
        // A comment is outside too: a line break in the value would end it.
        assertThat(refused("up # ${scope}").getMessage()).contains("must be inside a string literal");
        // An escaped quote does not end the literal, so the variable is still inside it.
        assertThat(render("up{a=\"x\\\"${scope}\"}", "v")).isEqualTo("up{a=\"x\\\"v\"}");
        // A quote in a comment opens nothing.
        assertThat(refused("up # \"\n + on() ${scope}").getMessage()).contains("must be inside a string literal");
    }

    @Test
    void unknownMalformedAndUnterminatedAreRefusedNamingTheField() {
        assertThat(refused("up{a=\"${serverGroupName}\"}").getMessage())
                .contains("unknown variable ${serverGroupName}").contains("${serverGroup}").contains("${scope}");
        assertThat(refused("up{a=\"${scope\"}").getMessage()).contains("malformed variable");
        assertThat(refused("up{a=\"${sc-ope}\"}").getMessage()).contains("malformed variable");
        assertThat(refused("up{a=\"${scope}}").getMessage()).contains("is not closed");
        assertThat(refused("  ").getMessage()).isEqualTo("query must not be empty");
    }

    @Test
    void dollarBracesOfPromQlItselfStayAsTheyAre() {
        assertThat(render("label_replace(up, \"x\", \"${1}-$2\", \"instance\", \"(.*):(.*)\")", "v"))
                .isEqualTo("label_replace(up, \"x\", \"${1}-$2\", \"instance\", \"(.*):(.*)\")");
        assertThat(render("label_replace(up, \"x\", \"$${name}\", \"instance\", \"(?P<name>.*)\")", "v"))
                .isEqualTo("label_replace(up, \"x\", \"${name}\", \"instance\", \"(?P<name>.*)\")");
        assertThat(PromQlTemplate.parse("query", "sum(up{a=\"${scope}\",b=\"${scope}\",c=\"${location}\"})",
                ScopeVariables.NAMES).variables()).containsExactlyInAnyOrder("scope", "location");
    }
}
