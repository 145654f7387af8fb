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
 * Links from the plugin's pages into the cluster view name only query parameters the view reads: both sides are
 * read here (the Jelly views and the view's script, {@code cluster-view.js} of the ui module), so they cannot drift.
 */
class ClusterViewLinksTest {
    private static final Pattern LINK = Pattern.compile(
            "/" + Pattern.quote(ClusterDeployRootAction.URL_NAME) + "/\\?([^\"'#]*)");
    private static final Pattern READ = Pattern.compile("searchParams\\.get\\('([^']+)'\\)");

    private static Set<String> parametersTheViewReads() throws IOException {
        String script;
        try (InputStream in = ClusterViewLinksTest.class.getClassLoader()
                .getResourceAsStream("io/clusterdeploy/ui/cluster-view.js")) {
            assertThat(in).as("cluster-view.js of the ui module").isNotNull();
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> read = new LinkedHashSet<>();
        Matcher m = READ.matcher(script);
        while (m.find()) {
            read.add(m.group(1));
        }
        return read;
    }

    @Test
    void everyLinkIntoTheClusterViewUsesAParameterTheViewReads() throws IOException {
        Set<String> read = parametersTheViewReads();
        assertThat(read).as("the view picks its application from the URL").isNotEmpty();
        List<String> links = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        for (Path p : HelpAndViewsTest.jellyFiles()) {
            Matcher m = LINK.matcher(Files.readString(p, StandardCharsets.UTF_8));
            while (m.find()) {
                links.add(p.getFileName() + ": " + m.group());
                for (String pair : m.group(1).split("&(amp;)?")) {
                    String name = pair.split("=", 2)[0];
                    if (!read.contains(name)) {
                        unread.add(p.getParent().getFileName() + "/" + p.getFileName() + ": ?" + name + "= (the view reads "
                                + read + ")");
                    }
                }
            }
        }
        assertThat(links).as("the build pages link to their application's clusters").hasSizeGreaterThanOrEqualTo(2);
        assertThat(unread).isEmpty();
    }
}
