package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Shim of {@code org.kohsuke.stapler.StaplerResponse2} (stapler 2050.v425108fd5089). {@code setStatus},
 * {@code setContentType} and {@code getWriter} come from the real jakarta.servlet API; Stapler's own methods
 * ({@code sendRedirect2}, {@code serveExposedBean}, ...) are not declared.
 */
public interface StaplerResponse2 extends HttpServletResponse {
}
