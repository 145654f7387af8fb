package io.clusterdeploy.standalone.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, for requests java.net.http will not send (a foreign Host header,
 * none at all).
 */
final class RawHttp {
    private RawHttp() {
    }

    /** A parsed answer: status and the whole text (headers and body). */
    record Answer(int status, String text) {
        String body() {
            int i = text.indexOf("\r\n\r\n");
            return i < 0 ? "" : text.substring(i + 4);
        }
    }

    static Answer send(int port, String head, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String request = head + "Connection: close\r\n"
                + (body == null ? "" : "Content-Length: " + bytes.length + "\r\n") + "\r\n";
        return sendRaw(port, request.getBytes(StandardCharsets.ISO_8859_1), bytes);
    }

    /** Writes the parts as they are, then reads the whole answer. */
    static Answer sendRaw(int port, byte[]... parts) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            for (byte[] part : parts) {
                out.write(part);
            }
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            String statusLine = text.substring(0, text.indexOf("\r\n"));
            return new Answer(Integer.parseInt(statusLine.split(" ")[1]), text);
        }
    }
}
