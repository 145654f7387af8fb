package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletRequest;
import net.sf.json.JSONObject;

/**
 * Shim of {@code org.kohsuke.stapler.StaplerRequest2} (stapler 2050.v425108fd5089). The servlet methods
 * ({@code getMethod}, {@code getContentType}, {@code getReader}, {@code getParameter}) come from the real
 * jakarta.servlet API; of Stapler's own methods only {@link #getRestOfPath()} and
 * {@link #bindJSON(Object, JSONObject)} are declared.
 */
public interface StaplerRequest2 extends HttpServletRequest {
    String getRestOfPath();

    void bindJSON(Object bean, JSONObject src);
}
