package org.dacsderms.runtime.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.stream.Stream;
import org.dacsderms.runtime.sandbox.Mailbox;
import org.dacsderms.runtime.sandbox.Sandbox;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the whole runtime against the sandbox: real HTTP simulators of DACS and DERMS, a real
 * SMTP server and an H2 database, all on free loopback ports. One sandbox and one runtime serve every test class;
 * each test starts from the contract's answers, empty journals and an empty mailbox. The lookups are a copy of
 * {@code lookups/} that a test may edit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RuntimeTestSupport {

    protected static final String USER = "integration";
    protected static final String PASSWORD = "test-" + Long.toHexString(System.nanoTime());
    protected static final String OPERATOR = "operator";
    protected static final String OPERATOR_PASSWORD = "op-" + Long.toHexString(System.nanoTime());

    protected static final Sandbox SANDBOX = SharedSandbox.SANDBOX;
    protected static final Path LOOKUPS = SharedSandbox.LOOKUPS;

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void sandboxConnections(DynamicPropertyRegistry registry) {
        SANDBOX.runtimeProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("inbound.username", () -> USER);
        registry.add("inbound.password", () -> PASSWORD);
        registry.add("console.username", () -> OPERATOR);
        registry.add("console.password", () -> OPERATOR_PASSWORD);
        registry.add("lookups.directory", LOOKUPS::toString);
        registry.add("lookups.refresh-interval", () -> "0s");
        registry.add("runtime.data-directory", SharedSandbox.DATA::toString);
        registry.add("dacs.read-timeout", () -> "3s");
        registry.add("derms.read-timeout", () -> "3s");
        registry.add("flows.event-files.max-file-size", () -> "1MB");
        // Device score transfers run only when a test asks for them (a far-away schedule).
        registry.add("flows.device-score-ftp.cron", () -> "0 0 0 1 1 ? 2099");
        registry.add("flows.device-score-object-storage.cron", () -> "0 0 0 1 1 ? 2099");
        registry.add("flows.device-score.read-lock-interval", () -> "200ms");
    }

    @Autowired
    private JdbcTemplate jdbc;

    /**
     * Every test starts with the simulators giving the contract's answers, empty journals and mailbox, the shipped
     * lookups, and no sync ack of an earlier test waiting to reach DACS in the middle of this one.
     */
    @BeforeEach
    void startFromTheContract() throws IOException {
        jdbc.update("delete from pending_sync_ack where status in ('PENDING', 'SENDING')");
        SANDBOX.reset();
        SharedSandbox.restoreLookups();
    }

    protected HttpResponse<String> post(String path, String json) {
        return send(
                request(path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)),
                true);
    }

    protected HttpResponse<String> get(String path) {
        return send(request(path).GET(), true);
    }

    /** A GET as the operator (console, actuator, execution records, operator actions). */
    protected HttpResponse<String> operatorGet(String path) {
        return sendAs(request(path).GET(), OPERATOR, OPERATOR_PASSWORD);
    }

    /** A POST of JSON as the operator. */
    protected HttpResponse<String> operatorPost(String path, String json) {
        return sendAs(
                request(path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)),
                OPERATOR,
                OPERATOR_PASSWORD);
    }

    /** Sends as the integration user (DERMS, DACS) when {@code authenticated}, else without credentials. */
    protected HttpResponse<String> send(HttpRequest.Builder request, boolean authenticated) {
        return authenticated ? sendAs(request, USER, PASSWORD) : sendAs(request, null, null);
    }

    protected HttpResponse<String> sendAs(HttpRequest.Builder request, String user, String password) {
        if (user != null) {
            String pair = user + ":" + password;
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    /** The one e-mail the test caused: waits for it, then makes sure no second one follows. */
    protected static Mailbox.Mail theOnlyMail() {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !SANDBOX.mailbox().mails().isEmpty());
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> SANDBOX.mailbox().mails().size() == 1);
        return SANDBOX.mailbox().mails().get(0);
    }

    /** The first e-mail whose subject ends with {@code subjectEnd}, once it has arrived. */
    protected static Mailbox.Mail awaitMail(String subjectEnd) {
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> SANDBOX.mailbox().mails().stream()
                                .filter(mail -> mail.subject().endsWith(subjectEnd))
                                .findFirst()
                                .orElse(null),
                        mail -> mail != null);
    }

    /** No e-mail arrives during {@code duration}. */
    protected static void assertNoMailWithin(Duration duration) {
        await().during(duration)
                .atMost(duration.plusSeconds(1))
                .until(() -> SANDBOX.mailbox().mails().isEmpty());
    }

    /** A file of the contract's examples, shipped in {@code samples/}. */
    protected static String sample(String name) {
        try {
            return Files.readString(Path.of("samples", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces one entry of a lookup table in the test's copy of the lookups. */
    protected static void editLookup(String table, String key, String value) throws IOException {
        Path file = LOOKUPS.resolve("OUTL-BRT-DACS_DRMS_" + table + ".properties");
        String kept;
        try (Stream<String> lines = Files.lines(file)) {
            kept = lines.filter(line -> !line.startsWith(key + "="))
                    .reduce("", (all, line) -> all + line + System.lineSeparator());
        }
        Files.writeString(file, kept + key + "=" + value + System.lineSeparator());
    }

    /** The sandbox started once for the whole test run, and the copies of lookups/ and data/ the tests use. */
    static final class SharedSandbox {

        static final Sandbox SANDBOX;
        static final Path LOOKUPS;
        static final Path DATA;

        static {
            try {
                SANDBOX = Sandbox.start(Sandbox.Ports.free());
                LOOKUPS = Files.createTempDirectory("lookups-");
                DATA = Files.createTempDirectory("runtime-data-");
                restoreLookups();
                Runtime.getRuntime().addShutdownHook(new Thread(SANDBOX::close));
            } catch (IOException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private SharedSandbox() {}

        static void restoreLookups() throws IOException {
            try (Stream<Path> files = Files.list(Path.of("lookups"))) {
                for (Path file : files.toList()) {
                    Files.copy(file, LOOKUPS.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
