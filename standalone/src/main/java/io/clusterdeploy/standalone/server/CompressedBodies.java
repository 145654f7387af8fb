package io.clusterdeploy.standalone.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Gzipped bodies of the API's cached reads, by ETag: a big application's view is compressed once per change,
 * not once per request. Small: the few reads a cluster view polls at a time.
 */
final class CompressedBodies {
    /** Below this the header costs more than compression saves. */
    static final int MIN_BYTES = 1024;
    private static final int MAX_ENTRIES = 32;

    private final Map<String, byte[]> byEtag = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    synchronized byte[] gzip(String etag, String json) {
        return byEtag.computeIfAbsent(etag, e -> compress(json));
    }

    private static byte[] compress(String json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(256, json.length() / 8));
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 64 * 1024)) {
            gz.write(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Whether the client takes gzip ({@code Accept-Encoding}, without {@code q=0}). */
    static boolean accepted(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] bits = part.trim().split(";");
            if (bits[0].trim().equalsIgnoreCase("gzip")) {
                return bits.length < 2 || !bits[1].replace(" ", "").equalsIgnoreCase("q=0");
            }
        }
        return false;
    }
}
