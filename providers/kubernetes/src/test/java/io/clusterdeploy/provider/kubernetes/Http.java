package io.clusterdeploy.provider.kubernetes;

import io.clusterdeploy.engine.conformance.TrafficProbe;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain GETs through a Service, as a client would send them. */
final class Http {
    private static final Pattern VERSION = Pattern.compile("\"version\":\"([^\"]+)\"");
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    TrafficProbe.Answer get(String address) {
        if (address == null) {
            return TrafficProbe.Answer.failure("no kube-proxy listens for this Service yet");
        }
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://" + address + "/"))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                return TrafficProbe.Answer.failure(r.statusCode() + " " + r.body());
            }
            Matcher m = VERSION.matcher(r.body());
            return TrafficProbe.Answer.success(m.find() ? m.group(1) : null);
        } catch (IOException e) {
            return TrafficProbe.Answer.failure(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TrafficProbe.Answer.failure("interrupted");
        }
    }
}
