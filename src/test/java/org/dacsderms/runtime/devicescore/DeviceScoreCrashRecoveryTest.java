package org.dacsderms.runtime.devicescore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.dacsderms.runtime.sandbox.DeviceScoreReceiver;
import org.dacsderms.runtime.sandbox.Mailbox;
import org.dacsderms.runtime.sandbox.Sandbox;
import org.dacsderms.runtime.sandbox.ScoreFtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the runtime after DERMS accepted a file and before the file was renamed. The FTP server holds
 * the rename (RNFR) so the kill lands exactly in that gap; the runtime's code has no test hook for it.
 */
class DeviceScoreCrashRecoveryTest {

    private static final String FILE = "SDCSE_20260601_0042.csv";
    private static final Duration LEASE = Duration.ofSeconds(8);

    private Sandbox sandbox;
    private Path work;
    private ChildRuntime runtime;

    @BeforeEach
    void startSandbox() throws IOException {
        sandbox = Sandbox.start(Sandbox.Ports.free());
        work = Files.createTempDirectory("crash-test-");
    }

    @AfterEach
    void stopEverything() {
        if (runtime != null) {
            runtime.close();
        }
        sandbox.close();
    }

    @Test
    void aRuntimeKilledBetweenDermsAcceptingAFileAndItsRenameOnlyRenamesItAfterTheRestart() throws Exception {
        ScoreFtpServer ftp = sandbox.ftp();
        DeviceScoreReceiver derms = DeviceScoreReceiver.of(sandbox.derms("nms1"));
        byte[] content = DeviceScoreFtpTransferTest.randomBytes(120_000, 42);
        ftp.put(FILE, content);
        ftp.holdRenames();
        runtime = ChildRuntime.start(settings(), work.resolve("first.log"));
        assertThat(runtime.post("/device-score/transfer?source=ftp").statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> ftp.heldRenames() == 1);
        assertThat(derms.received(FILE)).hasSize(1);

        runtime.kill();
        long killedAt = System.nanoTime();
        ftp.releaseRenames();
        assertThat(ftp.names()).containsExactly(FILE);
        runtime = ChildRuntime.start(settings(), work.resolve("second.log"));
        long restartedAt = System.nanoTime();
        String trackingId = await().atMost(LEASE.plusSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> accepted(runtime.post("/device-score/transfer?source=ftp")), id -> id != null);
        Duration blocked = Duration.ofNanos(System.nanoTime() - restartedAt);
        Duration sinceKill = Duration.ofNanos(System.nanoTime() - killedAt);
        assertThat(blocked).isLessThanOrEqualTo(LEASE.plusSeconds(2));

        await().atMost(Duration.ofSeconds(30)).until(() -> ftp.names().contains("Sent-" + FILE));
        assertThat(ftp.names()).containsExactly("Sent-" + FILE);
        assertThat(ftp.content("Sent-" + FILE)).isEqualTo(content);
        assertThat(derms.received(FILE)).hasSize(1);
        Mailbox.Mail mail = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> sandbox.mailbox().mails().stream()
                                .filter(m -> m.subject().endsWith("process complete, tracking id " + trackingId))
                                .findFirst()
                                .orElse(null),
                        m -> m != null);
        assertThat(DeviceScoreFtpTransferTest.text(mail)).contains("Files transferred (1)", "delivered earlier (run");
        System.out.println("Restarted node refused (409) for " + blocked.toMillis() + " ms, accepted "
                + sinceKill.toMillis() + " ms after the kill (lease " + LEASE.toSeconds() + " s)");
    }

    private static String accepted(HttpResponse<String> response) throws IOException {
        if (response.statusCode() != 202) {
            assertThat(response.statusCode()).isEqualTo(409);
            return null;
        }
        return new ObjectMapper().readTree(response.body()).get("trackingId").asText();
    }

    private Map<String, String> settings() throws IOException {
        Map<String, String> settings = new LinkedHashMap<>(sandbox.runtimeProperties());
        settings.put("inbound.username", "operator");
        settings.put("inbound.password", "crash-" + UUID.randomUUID());
        settings.put("console.username", settings.get("inbound.username"));
        settings.put("console.password", settings.get("inbound.password"));
        settings.put("lookups.directory", copyOfLookups().toString());
        settings.put("runtime.data-directory", work.resolve("data").toString());
        settings.put("flows.device-score.lease", LEASE.toSeconds() + "s");
        settings.put("flows.device-score.read-lock-interval", "100ms");
        settings.put("flows.device-score-ftp.cron", "0 0 0 1 1 ? 2099");
        settings.put("flows.device-score-object-storage.cron", "0 0 0 1 1 ? 2099");
        settings.put("camel.main.jmx-enabled", "false");
        return settings;
    }

    private Path copyOfLookups() throws IOException {
        Path copy = Files.createDirectories(work.resolve("lookups"));
        try (Stream<Path> files = Files.list(Path.of("lookups"))) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return copy;
    }
}
