package org.dacsderms.runtime.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DERMS's {@code POST /device-score} (contract messages.md section 9): reads the multipart part {@code file} as a
 * stream and keeps its file name, size and SHA-256 only, so a 1 GB file never lands in memory. Answers 200, or the
 * status a test set for a file name with {@link #refuse(String, int)}.
 *
 * <p>Control: {@code GET /__sim/device-score} lists what was received, {@code DELETE} clears it.
 */
public final class DeviceScoreReceiver implements PeerSimulator.StreamEndpoint {

    public static final String PATH = "/device-score";

    private static final int MAX_PART_HEADER = 8192;
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern FILE_NAME_STAR = Pattern.compile("filename\\*=UTF-8''([^;\\r\\n]+)");
    private static final Pattern FILE_NAME = Pattern.compile("filename=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One file DERMS received, and what it answered. */
    public record Received(
            String instance, String part, String fileName, long size, String sha256, int status, Instant at) {}

    private final String instance;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> refusals = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    public DeviceScoreReceiver(String instance) {
        this.instance = instance;
    }

    /** The receiver of a DERMS simulator. */
    public static DeviceScoreReceiver of(PeerSimulator derms) {
        return (DeviceScoreReceiver) derms.streamEndpoint(PATH);
    }

    /** From now on, a file of this name is answered with {@code status} instead of 200. */
    public void refuse(String fileName, int status) {
        refusals.put(fileName, status);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The files of this name received, whatever the answer was. */
    public List<Received> received(String fileName) {
        return received.stream().filter(r -> r.fileName().equals(fileName)).toList();
    }

    @Override
    public void reset() {
        received.clear();
        refusals.clear();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            PeerSimulator.send(exchange, SimResponse.json(405, "{\"message\":\"POST only\"}"));
            return;
        }
        Matcher boundary =
                BOUNDARY.matcher(String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
        if (!boundary.find()) {
            PeerSimulator.send(exchange, SimResponse.json(400, "{\"message\":\"multipart/form-data expected\"}"));
            return;
        }
        Received file;
        try (InputStream in = new BufferedInputStream(exchange.getRequestBody(), 65536)) {
            file = readPart(in, boundary.group(1));
        }
        if (file == null) {
            PeerSimulator.send(exchange, SimResponse.json(400, "{\"message\":\"no part named file\"}"));
            return;
        }
        received.add(file);
        PeerSimulator.send(exchange, SimResponse.json(file.status(), json.writeValueAsString(file)));
    }

    private Received readPart(InputStream in, String boundary) throws IOException {
        String headers = partHeaders(in);
        if (headers == null || !headers.contains("name=\"file\"")) {
            return null;
        }
        String fileName = fileName(headers);
        MessageDigest sha256 = sha256();
        long size = copyUntil(in, ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII), sha256);
        in.transferTo(OutputStreamSink.INSTANCE);
        int status = refusals.getOrDefault(fileName, 200);
        return new Received(
                instance, "file", fileName, size, HexFormat.of().formatHex(sha256.digest()), status, Instant.now());
    }

    /** The preamble line and the part's headers, up to the blank line. */
    private static String partHeaders(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (head.size() < MAX_PART_HEADER) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == end.length) {
                return head.toString(StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String fileName(String headers) {
        Matcher star = FILE_NAME_STAR.matcher(headers);
        if (star.find()) {
            return URLDecoder.decode(star.group(1).trim().replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        Matcher plain = FILE_NAME.matcher(headers);
        return plain.find() ? plain.group(1).replace("\\\"", "\"").replace("\\\\", "\\") : "";
    }

    /** Hashes the part's bytes up to the delimiter, holding at most one buffer; answers how many there were. */
    private static long copyUntil(InputStream in, byte[] delimiter, MessageDigest digest) throws IOException {
        byte[] buffer = new byte[65536 + delimiter.length];
        int filled = 0;
        long size = 0;
        while (true) {
            int read = in.read(buffer, filled, buffer.length - filled);
            if (read < 0) {
                throw new IOException("the multipart body ended before its closing delimiter");
            }
            filled += read;
            int at = indexOf(buffer, filled, delimiter);
            if (at >= 0) {
                digest.update(buffer, 0, at);
                return size + at;
            }
            int safe = filled - (delimiter.length - 1);
            if (safe > 0) {
                digest.update(buffer, 0, safe);
                size += safe;
                System.arraycopy(buffer, safe, buffer, 0, filled - safe);
                filled -= safe;
            }
        }
    }

    private static int indexOf(byte[] buffer, int length, byte[] pattern) {
        outer:
        for (int i = 0; i <= length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (buffer[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void control(HttpExchange exchange) throws IOException {
        if ("DELETE".equals(exchange.getRequestMethod())) {
            reset();
            PeerSimulator.send(exchange, SimResponse.json(204, ""));
            return;
        }
        PeerSimulator.send(exchange, SimResponse.json(200, json.writeValueAsString(received())));
    }

    /** Drains the epilogue without keeping it. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
            // discarded
        }

        @Override
        public void write(byte[] b, int off, int len) {
            // discarded
        }
    }
}
