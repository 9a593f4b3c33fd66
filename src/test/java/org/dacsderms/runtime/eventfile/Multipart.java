package org.dacsderms.runtime.eventfile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A {@code multipart/form-data} body as DERMS sends it, built part by part. */
final class Multipart {

    private final String boundary = "----dacs-derms-" + UUID.randomUUID();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    Multipart json(String name, String json) {
        return part("form-data; name=\"" + name + "\"", "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    Multipart file(String name, String fileName, String contentType, byte[] content) {
        return part("form-data; name=\"" + name + "\"; filename=\"" + fileName + "\"", contentType, content);
    }

    Multipart csv(String fileName, String content) {
        return file("file", fileName, "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    byte[] bytes() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(body.toByteArray());
        all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return all.toByteArray();
    }

    private Multipart part(String disposition, String contentType, byte[] content) {
        String head = "--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\nContent-Type: " + contentType
                + "\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        return this;
    }
}
