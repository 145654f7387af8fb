package hudson.model;

import jakarta.servlet.ServletContext;
import java.io.File;
import java.io.IOException;
import jenkins.model.Jenkins;
import org.jvnet.hudson.reactor.ReactorException;

/**
 * Shim of {@code hudson.model.Hudson} (Jenkins 2.541.3). Declared because it owns the "Overall" permission group,
 * so {@code Jenkins.ADMINISTER.getId()} is {@code hudson.model.Hudson.Administer} as in the real core.
 */
public class Hudson extends Jenkins {
    public Hudson(File root, ServletContext context) throws IOException, InterruptedException, ReactorException {
        super(root, context);
    }
}
