package io.clusterdeploy.provider.aws;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import software.amazon.awssdk.thirdparty.jackson.core.JsonFactory;
import software.amazon.awssdk.thirdparty.jackson.core.JsonGenerator;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;
import software.amazon.awssdk.thirdparty.jackson.dataformat.cbor.CBORFactory;
import software.amazon.awssdk.thirdparty.jackson.dataformat.cbor.CBORGenerator;

/**
 * Test side only: the AWS SDK 2.57.8 speaks CloudWatch in Smithy RPC v2 CBOR, which moto 5 does not understand
 * (it answers 404); moto does understand the same operations in the JSON protocol. The proxy translates each
 * CBOR request body to JSON for moto and moto's JSON answer back to CBOR, timestamps as CBOR epoch-seconds tags.
 * It uses the CBOR codec the SDK itself ships.
 */
final class SmithyCbor {
    /** Fields whose numbers are timestamps (epoch seconds), written with CBOR tag 1. */
    private static final Set<String> TIMESTAMPS = Set.of("Timestamps", "Timestamp", "StartTime", "EndTime");
    private static final CBORFactory CBOR = new CBORFactory();
    private static final JsonFactory JSON = new JsonFactory();

    private SmithyCbor() {
    }

    static byte[] toJson(byte[] cbor) {
        if (cbor.length == 0) {
            return "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        try (JsonParser in = CBOR.createParser(cbor); ByteArrayOutputStream buf = new ByteArrayOutputStream();
             JsonGenerator out = JSON.createGenerator(buf)) {
            copy(in, out, false);
            out.flush();
            return buf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] toCbor(byte[] json) {
        try (JsonParser in = JSON.createParser(json); ByteArrayOutputStream buf = new ByteArrayOutputStream();
             JsonGenerator out = CBOR.createGenerator(buf)) {
            copy(in, out, true);
            out.flush();
            return buf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(JsonParser in, JsonGenerator out, boolean tagTimestamps) throws IOException {
        String field = null;
        java.util.ArrayDeque<String> arrays = new java.util.ArrayDeque<>();
        for (JsonToken t = in.nextToken(); t != null; t = in.nextToken()) {
            switch (t) {
                case START_OBJECT -> {
                    out.writeStartObject();
                    arrays.push("");
                }
                case END_OBJECT -> {
                    out.writeEndObject();
                    arrays.pop();
                }
                case START_ARRAY -> {
                    out.writeStartArray();
                    arrays.push(field == null ? "" : field);
                }
                case END_ARRAY -> {
                    out.writeEndArray();
                    arrays.pop();
                }
                case FIELD_NAME -> {
                    field = in.currentName();
                    out.writeFieldName(field);
                }
                case VALUE_STRING -> out.writeString(in.getText());
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                    boolean timestamp = TIMESTAMPS.contains(field) || TIMESTAMPS.contains(arrays.peek());
                    if (tagTimestamps && timestamp && out instanceof CBORGenerator cbor) {
                        cbor.writeTag(1);
                    }
                    if (t == JsonToken.VALUE_NUMBER_INT) {
                        out.writeNumber(in.getLongValue());
                    } else {
                        out.writeNumber(in.getDoubleValue());
                    }
                }
                case VALUE_TRUE -> out.writeBoolean(true);
                case VALUE_FALSE -> out.writeBoolean(false);
                case VALUE_NULL -> out.writeNull();
                default -> throw new IOException("unexpected token " + t);
            }
        }
    }
}
