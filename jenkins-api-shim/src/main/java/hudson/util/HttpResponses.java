package hudson.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.Map;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.HttpResponse;

/**
 * Shim of {@code hudson.util.HttpResponses} (Jenkins 2.541.3): the JSON response factories.
 * {@code staticResource(File)} and {@code clientRedirectTo(String)} are omitted.
 */
public class HttpResponses extends org.kohsuke.stapler.HttpResponses {

    public static HttpResponse okJSON() {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }

    public static HttpResponse okJSON(@NonNull JSONObject data) {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }

    public static HttpResponse okJSON(@NonNull JSONArray data) {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }

    public static HttpResponse okJSON(@NonNull Map<?, ?> data) {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }

    public static HttpResponse errorJSON(@NonNull String message) {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }

    public static HttpResponse errorJSON(@NonNull String message, @NonNull Map<?, ?> data) {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }

    public static HttpResponse errorJSON(@NonNull String message, @NonNull JSONObject data) {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }

    public static HttpResponse errorJSON(@NonNull String message, @NonNull JSONArray data) {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }
}
