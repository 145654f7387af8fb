package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import net.sf.json.JSONObject;

/**
 * Shim of {@code org.kohsuke.stapler.StaplerRequest2} (stapler 2050.v425108fd5089). The servlet methods
 * ({@code getMethod}, {@code getContentType}, {@code getReader}, {@code getParameter}) come from the real
 * jakarta.servlet API; of Stapler's own methods only {@link #getRestOfPath()}, {@link #bindJSON(Class, JSONObject)},
 * {@link #bindJSON(Object, JSONObject)} and {@link #bindJSONToList(Class, Object)} are declared.
 */
public interface StaplerRequest2 extends HttpServletRequest {
    String getRestOfPath();

    <T> T bindJSON(Class<T> type, JSONObject src);

    void bindJSON(Object bean, JSONObject src);

    <T> List<T> bindJSONToList(Class<T> type, Object src);
}
