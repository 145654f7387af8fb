package io.clusterdeploy.provider.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain HTTP GETs against load balancers and instances, as any client would send them. */
final class Http {
    private static final Pattern INSTANCE = Pattern.compile("\"instance\":\"([^\"]+)\"");
    private static final Pattern VERSION = Pattern.compile("\"version\":\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Status and body, or status -1 when the connection failed. */
    Answer get(String address, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + address + path))
                .timeout(Duration.ofSeconds(20)).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted", e));
        }
    }

    record Answer(int status, String body) {
        String instance() {
            return group(INSTANCE);
        }

        String version() {
            return group(VERSION);
        }

        private String group(Pattern pattern) {
            Matcher m = pattern.matcher(body);
            return m.find() ? m.group(1) : null;
        }
    }
}
