import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Event Outcome bench (issue 4), run by bench/event-outcome.sh against `make run`: generates an outcome file of N rows,
 * posts it to the runtime, waits for the acknowledgment at the DERMS simulator and prints rows per second and the
 * runtime's peak heap (sampled); then a plain Java client reads the same file and posts the same segments with the
 * same parallelism straight to the DACS simulator, which is the speed limit of this machine for this work.
 * JDK only, so that it runs as `java bench/EventOutcomeBench.java`.
 */
public class EventOutcomeBench {

    static final String RUNTIME = env("RUNTIME_URL", "http://127.0.0.1:8080");
    static final String DACS = env("DACS_URL", "http://127.0.0.1:18081/sandbox/dacs");
    static final String DERMS_CONTROL = env("DERMS_CONTROL_URL", "http://127.0.0.1:18082/__sim");
    static final String OUTCOME_PATH = "/ccs/rest/apis/cross/service/programEventParticipation/postEventOutcome";
    static final String[] OUTCOMES = {"SUCCESS", "SUCCESS", "SUCCESS", "NON_RESPONSIVE", "OVERRIDE", "REJECTED"};
    static final String[] CODES = {"D1SP", "D1SP", "D1SP", "D1ND", "D1IO", "D1ER"};
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "").replace(",", "")) : 1_000_000L;
        Properties config = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("lookups/OUTL-BRT-DACS_DRMS_ConfigProps.properties"))) {
            config.load(reader);
        }
        int segmentSize = Integer.parseInt(config.getProperty("event.file.segment.size").trim());
        int parallelism = Integer.parseInt(config.getProperty("event.file.segment.parallelism").trim());
        Path dir = Files.createTempDirectory("event-outcome-bench-");
        Path file = dir.resolve("outcome-" + rows + ".csv");
        try {
            generate(file, rows);
            System.out.printf("rows: %,d   file: %,d bytes   segments of %d, %d in flight%n",
                    rows, Files.size(file), segmentSize, parallelism);
            runtime(file, rows);
            plainClient(file, rows, segmentSize, parallelism);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    static void generate(Path file, long rows) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("recordId,eventId,nicId,headEndSystemId,outcome,participationStartDateTime,"
                    + "participationEndDateTime,errorMessage\r\n");
            for (long i = 1; i <= rows; i++) {
                int kind = (int) (i % OUTCOMES.length);
                String error = OUTCOMES[kind].equals("REJECTED")
                        ? "\"Head-end rejected the control signal, code \"\"E42\"\"\""
                        : "";
                out.write(i + ",EVT-BENCH-" + (i % 7) + ",NIC-" + i + ",ECOBEE," + OUTCOMES[kind]
                        + ",2026-07-01T20:00:00Z,2026-07-01T22:00:00Z," + error + "\r\n");
            }
        }
    }

    static void runtime(Path file, long rows) throws Exception {
        String boundary = "bench-" + System.nanoTime();
        String message = "{\"drmsInstanceId\":\"NMS1\",\"messageId\":\"BENCH-" + System.currentTimeMillis() + "\"}";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"message\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + message + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest upload = HttpRequest.newBuilder(URI.create(RUNTIME + "/event-outcome-to-dacs"))
                .header("Authorization", basic(env("RUNTIME_USER", "sandbox"), env("RUNTIME_PASSWORD", "sandbox")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(Collections.enumeration(
                        List.of(new ByteArrayInputStream(head), open(file), new ByteArrayInputStream(tail))))))
                .build();
        HeapSampler heap = new HeapSampler();
        heap.start();
        long start = System.nanoTime();
        HttpResponse<String> accepted = HTTP.send(upload, HttpResponse.BodyHandlers.ofString());
        long acceptedAt = System.nanoTime();
        if (accepted.statusCode() != 202) {
            heap.interrupt();
            throw new IllegalStateException("the runtime answered " + accepted.statusCode() + ": " + accepted.body());
        }
        String trackingId = accepted.headers().firstValue("X-Tracking-Id").orElseThrow();
        String ack = awaitAck(trackingId);
        long done = System.nanoTime();
        heap.interrupt();
        heap.join();
        double seconds = (done - start) / 1e9;
        System.out.printf("runtime:      202 after %.1f s (upload and staging), ack after %.1f s: %,.0f rows/s%n",
                (acceptedAt - start) / 1e9, seconds, rows / seconds);
        System.out.printf("runtime ack:  %s recordCount=%s sentCount=%s rejectedCount=%s failedSegmentCount=%s%n",
                field(ack, "ackType"), field(ack, "recordCount"), field(ack, "sentCount"), field(ack, "rejectedCount"),
                field(ack, "failedSegmentCount"));
        System.out.printf("runtime heap: peak used %.0f MB, largest live data after a GC %.0f MB, max %.0f MB "
                + "(sampled every 200 ms, sandbox simulators included)%n",
                heap.peak / 1048576.0, heap.live / 1048576.0, heap.max / 1048576.0);
        RUNTIME_ROWS_PER_SECOND = rows / seconds;
    }

    static double RUNTIME_ROWS_PER_SECOND;

    static void plainClient(Path file, long rows, int segmentSize, int parallelism) throws Exception {
        String authorization = basic("runtime", System.getenv("SANDBOX_PEER_PASSWORD"));
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        Semaphore inFlight = new Semaphore(parallelism);
        AtomicLong sent = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long calls = 0;
        long start = System.nanoTime();
        try (BufferedReader in = new BufferedReader(
                new java.io.InputStreamReader(open(file), StandardCharsets.UTF_8), 1 << 16)) {
            readRecord(in);
            List<String[]> segment = new ArrayList<>(segmentSize);
            String[] record;
            while ((record = readRecord(in)) != null) {
                segment.add(record);
                if (segment.size() == segmentSize) {
                    calls++;
                    submit(pool, inFlight, authorization, segment, sent, failed);
                    segment = new ArrayList<>(segmentSize);
                }
            }
            if (!segment.isEmpty()) {
                calls++;
                submit(pool, inFlight, authorization, segment, sent, failed);
            }
        }
        inFlight.acquire(parallelism);
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        System.out.printf("plain client: %,d calls, %,d records sent, %d failed calls in %.1f s: %,.0f rows/s%n",
                calls, sent.get(), failed.get(), seconds, rows / seconds);
        System.out.printf("ratio:        runtime / plain client = %.2f%n", RUNTIME_ROWS_PER_SECOND / (rows / seconds));
    }

    static void submit(ExecutorService pool, Semaphore inFlight, String authorization, List<String[]> segment,
            AtomicLong sent, AtomicLong failed) throws InterruptedException {
        inFlight.acquire();
        pool.execute(() -> {
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(DACS + OUTCOME_PATH))
                        .header("Authorization", authorization)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body(segment), StandardCharsets.UTF_8))
                        .build();
                int status = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
                if (status == 200) {
                    sent.addAndGet(segment.size());
                } else {
                    failed.incrementAndGet();
                }
            } catch (IOException e) {
                failed.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.release();
            }
        });
    }

    /** The same DACS body the runtime builds for a segment (messages.md section 8). */
    static String body(List<String[]> segment) {
        StringBuilder json = new StringBuilder(segment.size() * 200).append("{\"postOutcomeList\":[");
        for (int i = 0; i < segment.size(); i++) {
            String[] r = segment.get(i);
            json.append(i == 0 ? "" : ",")
                    .append("{\"eventExternalIdentifier\":").append(quote(r[1]))
                    .append(",\"nicId\":").append(quote(r[2]))
                    .append(",\"headEndSystem\":").append(quote(r[3]))
                    .append(",\"outcome\":").append(quote(code(r[4])))
                    .append(",\"participationStartDateTime\":").append(quote(r[5]))
                    .append(",\"participationEndDateTime\":").append(quote(r[6]));
            if (!r[7].isEmpty()) {
                json.append(",\"errorMessage\":").append(quote(r[7]));
            }
            json.append('}');
        }
        return json.append("]}").toString();
    }

    static String code(String outcome) {
        for (int i = 0; i < OUTCOMES.length; i++) {
            if (OUTCOMES[i].equals(outcome)) {
                return CODES[i];
            }
        }
        throw new IllegalArgumentException(outcome);
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
                + "\"";
    }

    /** One RFC 4180 record, or null at the end of the file. */
    static String[] readRecord(Reader in) throws IOException {
        List<String> fields = new ArrayList<>(8);
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int c = in.read();
        if (c < 0) {
            return null;
        }
        while (true) {
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        in.reset();
                    }
                } else if (c < 0) {
                    throw new IOException("unterminated quote");
                } else {
                    field.append((char) c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' || c == '\n' || c < 0) {
                if (c == '\r') {
                    in.mark(1);
                    if (in.read() != '\n') {
                        in.reset();
                    }
                }
                fields.add(field.toString());
                return fields.toArray(new String[0]);
            } else {
                field.append((char) c);
            }
            c = in.read();
        }
    }

    static String awaitAck(String trackingId) throws Exception {
        HttpRequest journal = HttpRequest.newBuilder(URI.create(DERMS_CONTROL + "/journal?endpoint=event-outcome-ack"))
                .build();
        Pattern body = Pattern.compile("\"body\":\"((?:[^\"\\\\]|\\\\.)*" + Pattern.quote(trackingId)
                + "(?:[^\"\\\\]|\\\\.)*)\"");
        while (true) {
            Matcher found = body.matcher(HTTP.send(journal, HttpResponse.BodyHandlers.ofString()).body());
            if (found.find()) {
                return found.group(1).replace("\\\"", "\"");
            }
            Thread.sleep(250);
        }
    }

    static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
        return matcher.find() ? matcher.group(1) : "?";
    }

    /** Samples the runtime's used heap through its metrics endpoint and keeps the largest value. */
    static final class HeapSampler extends Thread {

        volatile double peak;
        volatile double max;
        volatile double live;

        HeapSampler() {
            setDaemon(true);
        }

        @Override
        public void run() {
            String auth = basic(env("RUNTIME_USER", "sandbox"), env("RUNTIME_PASSWORD", "sandbox"));
            try {
                while (!isInterrupted()) {
                    peak = Math.max(peak, metric("jvm.memory.used", auth));
                    max = Math.max(max, metric("jvm.memory.max", auth));
                    live = Math.max(live, metric("jvm.gc.live.data.size", auth));
                    Thread.sleep(200);
                }
            } catch (InterruptedException e) {
                // the bench is done
            } catch (IOException e) {
                System.out.println("heap sampling stopped: " + e);
            }
        }

        static double metric(String name, String auth) throws IOException, InterruptedException {
            String tag = name.startsWith("jvm.memory") ? "?tag=area:heap" : "";
            HttpRequest request = HttpRequest.newBuilder(URI.create(RUNTIME + "/actuator/metrics/" + name + tag))
                    .header("Authorization", auth)
                    .build();
            Matcher value = Pattern.compile("\"value\":([0-9.E+-]+)")
                    .matcher(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
            return value.find() ? Double.parseDouble(value.group(1)) : 0;
        }
    }

    static InputStream open(Path file) {
        try {
            return new FileInputStream(file.toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String basic(String user, String password) {
        if (password == null) {
            throw new IllegalStateException("set SANDBOX_PEER_PASSWORD to the value `make run` was started with");
        }
        return "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String env(String name, String fallback) {
        return System.getenv().getOrDefault(name, fallback);
    }
}
