package io.jenkins.plugins.clusterdeploy.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.clusterdeploy.ui.ClusterDeployRootAction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Links from the plugin's pages into the cluster view and the canary report name only query parameters the page
 * reads: both sides are read here (the Jelly views and the pages' scripts, {@code cluster-view.js} and
 * {@code canary-report.js} of the ui module), so they cannot drift.
 */
class ClusterViewLinksTest {
    private static final Pattern LINK = Pattern.compile(
            "/" + Pattern.quote(ClusterDeployRootAction.URL_NAME) + "/\\?([^\"'#]*)");
    private static final Pattern CANARY_LINK = Pattern.compile(
            "/" + Pattern.quote(ClusterDeployRootAction.URL_NAME) + "/canary\\?([^\"'#]*)");
    private static final Pattern READ = Pattern.compile("searchParams\\.get\\('([^']+)'\\)");

    private static Set<String> parametersRead(String file) throws IOException {
        String script;
        try (InputStream in = ClusterViewLinksTest.class.getClassLoader()
                .getResourceAsStream("io/clusterdeploy/ui/" + file)) {
            assertThat(in).as(file + " of the ui module").isNotNull();
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> read = new LinkedHashSet<>();
        Matcher m = READ.matcher(script);
        while (m.find()) {
            read.add(m.group(1));
        }
        return read;
    }

    /** Every link of the Jelly views that {@code link} matches, and each of their parameters not in {@code read}. */
    private record Links(List<String> found, List<String> unread) {
        static Links in(Pattern link, Set<String> read) throws IOException {
            List<String> found = new ArrayList<>();
            List<String> unread = new ArrayList<>();
            for (Path p : HelpAndViewsTest.jellyFiles()) {
                Matcher m = link.matcher(Files.readString(p, StandardCharsets.UTF_8));
                while (m.find()) {
                    found.add(p.getFileName() + ": " + m.group());
                    for (String pair : m.group(1).split("&(amp;)?")) {
                        String name = pair.split("=", 2)[0];
                        if (!read.contains(name)) {
                            unread.add(p.getParent().getFileName() + "/" + p.getFileName() + ": ?" + name
                                    + "= (the page reads " + read + ")");
                        }
                    }
                }
            }
            return new Links(found, unread);
        }
    }

    @Test
    void everyLinkIntoTheClusterViewUsesAParameterTheViewReads() throws IOException {
        Set<String> read = parametersRead("cluster-view.js");
        assertThat(read).as("the view picks its application from the URL").isNotEmpty();
        Links links = Links.in(LINK, read);
        assertThat(links.found()).as("the build pages link to their application's clusters").hasSizeGreaterThanOrEqualTo(2);
        assertThat(links.unread()).isEmpty();
    }

    @Test
    void everyLinkIntoTheCanaryReportUsesAParameterTheReportReads() throws IOException {
        Set<String> read = parametersRead("canary-report.js");
        assertThat(read).as("the report picks its operation from the URL").contains("operation");
        Links links = Links.in(CANARY_LINK, read);
        assertThat(links.found()).as("the build summary links each canary to its report").isNotEmpty();
        assertThat(links.unread()).isEmpty();
    }
}
