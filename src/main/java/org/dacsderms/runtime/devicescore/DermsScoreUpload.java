package org.dacsderms.runtime.devicescore;

import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.dacsderms.runtime.platform.peer.PeerClient;
import org.dacsderms.runtime.platform.peer.PeerResponse;

/**
 * The multipart request of contract messages.md section 9: part {@code file} carrying the source file name and its
 * bytes unchanged. The body is a chain of publishers over the open download stream, so the file passes through in
 * small buffers and is never held whole in memory.
 */
final class DermsScoreUpload {

    static final String PATH = "/device-score";

    private DermsScoreUpload() {}

    static PeerResponse send(PeerClient derms, String fileName, InputStream content) {
        String boundary = "dvcscore-" + UUID.randomUUID();
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
                text(head(boundary, fileName)),
                HttpRequest.BodyPublishers.ofInputStream(() -> content),
                text("\r\n--" + boundary + "--\r\n"));
        return derms.send(PATH, "POST", "multipart/form-data; boundary=" + boundary, body);
    }

    static String head(String boundary, String fileName) {
        return "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + quoted(fileName)
                + "\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20") + "\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
    }

    /** The plain filename parameter: quotes and line breaks of a hostile name cannot break the part header. */
    private static String quoted(String fileName) {
        return fileName.replace("\\", "\\\\")
                .replace("\"", "\\\"")
                .replace("\r", " ")
                .replace("\n", " ");
    }

    private static HttpRequest.BodyPublisher text(String value) {
        return HttpRequest.BodyPublishers.ofString(value, StandardCharsets.UTF_8);
    }
}
