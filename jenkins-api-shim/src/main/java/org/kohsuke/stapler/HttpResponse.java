package org.kohsuke.stapler;

import jakarta.servlet.ServletException;
import java.io.IOException;

/**
 * Shim of {@code org.kohsuke.stapler.HttpResponse} (stapler 2050.v425108fd5089). The deprecated javax overload
 * is omitted; implementations override this method, as with the real one.
 */
public interface HttpResponse {
    default void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node)
            throws IOException, ServletException {
        throw new AbstractMethodError("The class " + getClass().getName() + " must override generateResponse");
    }
}
