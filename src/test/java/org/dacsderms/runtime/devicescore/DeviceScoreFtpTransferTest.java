package org.dacsderms.runtime.devicescore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.dacsderms.runtime.platform.execution.ExecutionRecord;
import org.dacsderms.runtime.platform.execution.ExecutionRecords;
import org.dacsderms.runtime.platform.execution.ExecutionStatus;
import org.dacsderms.runtime.sandbox.DeviceScoreReceiver;
import org.dacsderms.runtime.sandbox.Mailbox;
import org.dacsderms.runtime.sandbox.ScoreFtpServer;
import org.dacsderms.runtime.support.RuntimeTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DeviceScoreFtpTransferTest extends RuntimeTestSupport {

    private static final String FIRST = "SDCSE_20260601_0001.csv";
    private static final String SECOND = "SDCSE_20260601_0002.csv";
    private static final String THIRD = "SDCSE_20260601_0003.bin";
    private static final Duration RUN = Duration.ofSeconds(30);

    @Autowired
    private ObjectMapper json;

    @Autowired
    private ExecutionRecords records;

    @Autowired
    private FileLedger ledger;

    private ScoreFtpServer ftp;
    private DeviceScoreReceiver derms;

    @BeforeEach
    void emptyScoreDirectory() {
        ftp = SANDBOX.ftp();
        ftp.releaseRenames();
        ftp.clear();
        derms = DeviceScoreReceiver.of(SANDBOX.derms("nms1"));
    }

    @Test
    void threeFilesAreDeliveredByteForByteAndRenamedSent() throws Exception {
        byte[] first = sample(FIRST).getBytes(StandardCharsets.UTF_8);
        byte[] second = randomBytes(300_000, 2);
        byte[] third = randomBytes(70_001, 3);
        ftp.put(FIRST, first);
        ftp.put(SECOND, second);
        ftp.put(THIRD, third);

        String trackingId = startRun("ftp");

        ExecutionRecord record = awaitRun(trackingId);
        assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(record.successCount()).isEqualTo(3);
        assertThat(ftp.names()).containsExactly("Sent-" + FIRST, "Sent-" + SECOND, "Sent-" + THIRD);
        assertThat(ftp.content("Sent-" + SECOND)).isEqualTo(second);
        assertThat(derms.received()).hasSize(3);
        assertThat(derms.received(FIRST).get(0).sha256()).isEqualTo(sha256(first));
        assertThat(derms.received(SECOND).get(0).sha256()).isEqualTo(sha256(second));
        assertThat(derms.received(THIRD).get(0).sha256()).isEqualTo(sha256(third));
        assertThat(derms.received(THIRD).get(0).size()).isEqualTo(third.length);
        assertThat(ledger.forRun(trackingId))
                .extracting(FileLedger.Entry::state)
                .containsOnly(FileLedger.State.SENT);
        Mailbox.Mail mail = awaitMail("process complete, tracking id " + trackingId);
        assertThat(mail.to()).containsExactly("dr-operations@utility.example");
        assertThat(text(mail)).contains("Files transferred (3)", FIRST, SECOND, THIRD, "Files not transferred (0)");
    }

    @Test
    void aFileDermsRefusesIsRenamedErrorAndTheOthersAreStillDelivered() throws Exception {
        ftp.put(FIRST, randomBytes(1000, 1));
        ftp.put(SECOND, randomBytes(2000, 2));
        ftp.put(THIRD, randomBytes(3000, 3));
        derms.refuse(SECOND, 500);

        String trackingId = startRun("ftp");

        ExecutionRecord record = awaitRun(trackingId);
        assertThat(record.status()).isEqualTo(ExecutionStatus.FAILURE);
        assertThat(record.successCount()).isEqualTo(2);
        assertThat(record.errorCount()).isEqualTo(1);
        assertThat(ftp.names()).containsExactly("Error-" + SECOND, "Sent-" + FIRST, "Sent-" + THIRD);
        Mailbox.Mail complete = awaitMail("process complete - error, tracking id " + trackingId);
        assertThat(complete.to()).containsExactly("dr-operations@utility.example");
        String transferred = text(complete).substring(text(complete).indexOf("Files transferred (2)"));
        String notTransferred = text(complete).substring(text(complete).indexOf("Files not transferred (1)"));
        assertThat(transferred).contains(FIRST, THIRD);
        assertThat(notTransferred).contains(SECOND, "DERMS answered HTTP 500", "renamed Error-" + SECOND);
        Mailbox.Mail error = awaitMail("failed, tracking id " + trackingId);
        assertThat(error.to()).containsExactly("integration-support@utility.example");
        assertThat(text(error)).contains("file " + SECOND);
    }

    @Test
    void aDeliveredFileThatCouldNotBeRenamedIsOnlyRenamedByTheNextRun() throws Exception {
        byte[] content = randomBytes(5000, 7);
        ftp.put(FIRST, content);
        ftp.put("Sent-" + FIRST, randomBytes(10, 8));
        String firstRun = startRun("ftp");
        ExecutionRecord first = awaitRun(firstRun);
        assertThat(first.status()).isEqualTo(ExecutionStatus.ERROR);
        assertThat(first.error()).isEqualTo("1 delivered file(s) could not be renamed; the next run renames them");
        assertThat(ftp.names()).contains(FIRST);
        assertThat(ledger.forRun(firstRun))
                .extracting(FileLedger.Entry::state)
                .containsExactly(FileLedger.State.DELIVERED);
        ftp.delete("Sent-" + FIRST);

        String secondRun = startRun("ftp");

        assertThat(awaitRun(secondRun).status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(ftp.names()).containsExactly("Sent-" + FIRST);
        assertThat(ftp.content("Sent-" + FIRST)).isEqualTo(content);
        assertThat(derms.received(FIRST)).hasSize(1);
        assertThat(ledger.forRun(firstRun)).extracting(FileLedger.Entry::state).containsExactly(FileLedger.State.SENT);
        assertThat(text(awaitMail("process complete, tracking id " + secondRun)))
                .contains("delivered earlier (run " + firstRun + "), renamed now");
    }

    @Test
    void aFileDroppedAgainUnderTheSameNameWithOtherContentIsDeliveredAgain() throws Exception {
        ftp.put(FIRST, randomBytes(5000, 7));
        ftp.put("Sent-" + FIRST, randomBytes(10, 8));
        awaitRun(startRun("ftp"));
        ftp.delete("Sent-" + FIRST);
        byte[] newer = randomBytes(6000, 9);
        ftp.put(FIRST, newer);

        String trackingId = startRun("ftp");

        assertThat(awaitRun(trackingId).status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(derms.received(FIRST)).hasSize(2);
        assertThat(derms.received(FIRST).get(1).sha256()).isEqualTo(sha256(newer));
        assertThat(ftp.names()).containsExactly("Sent-" + FIRST);
    }

    @Test
    void filesAlreadyMarkedOrNotStartingWithThePrefixAreLeftAlone() throws Exception {
        ftp.put("Sent-" + FIRST, randomBytes(10, 1));
        ftp.put("Error-" + SECOND, randomBytes(10, 2));
        ftp.put("OTHER_20260601.csv", randomBytes(10, 3));
        editLookup("ConfigProps", "notification.email.process.nofile.flag", "true");

        String trackingId = startRun("ftp");

        ExecutionRecord record = awaitRun(trackingId);
        assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(record.recordCount()).isZero();
        assertThat(derms.received()).isEmpty();
        assertThat(ftp.names()).containsExactly("Error-" + SECOND, "OTHER_20260601.csv", "Sent-" + FIRST);
        Mailbox.Mail mail = awaitMail("no file, tracking id " + trackingId);
        assertThat(mail.to()).containsExactly("dr-operations@utility.example");
    }

    @Test
    void aRunThatFindsNoFileSendsNoMailWhileTheNoFileFlagIsOff() throws Exception {
        String trackingId = startRun("ftp");

        assertThat(awaitRun(trackingId).status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(SANDBOX.mailbox().mails()).isEmpty();
    }

    @Test
    void aSecondRequestWhileARunIsInProgressIsRefusedWith409() throws Exception {
        ftp.put(FIRST, randomBytes(100, 1));
        ftp.holdRenames();
        String trackingId = startRun("ftp");
        await().atMost(RUN).until(() -> ftp.heldRenames() > 0);

        HttpResponse<String> second = transfer("ftp");

        assertThat(second.statusCode()).isEqualTo(409);
        JsonNode error = json.readTree(second.body());
        assertThat(error.get("code").asText()).isEqualTo("RUN_IN_PROGRESS");
        assertThat(error.get("message").asText()).contains(trackingId);
        ftp.releaseRenames();
        assertThat(awaitRun(trackingId).status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(transfer("ftp").statusCode()).isEqualTo(202);
    }

    @Test
    void theRunOfATrackingIdTellsEachFileAndItsOutcome() throws Exception {
        ftp.put(FIRST, randomBytes(100, 1));
        String trackingId = startRun("ftp");
        awaitRun(trackingId);

        JsonNode run = json.readTree(
                operatorGet("/device-score/transfer/" + trackingId).body());

        assertThat(run.get("status").asText()).isEqualTo("SUCCESS");
        assertThat(run.at("/files/0/fileName").asText()).isEqualTo(FIRST);
        assertThat(run.at("/files/0/state").asText()).isEqualTo("SENT");
        assertThat(run.at("/files/0/dermsStatus").asInt()).isEqualTo(200);
    }

    @Test
    void anUnknownSourceIsRefusedWith400AndNoCredentialsWith401() throws Exception {
        HttpResponse<String> unknown = transfer("disk");
        HttpResponse<String> anonymous =
                send(request("/device-score/transfer?source=ftp").POST(HttpRequest.BodyPublishers.noBody()), false);

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unknown.body()).get("code").asText()).isEqualTo("INVALID_SOURCE");
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> transfer(String source) {
        return sendAs(
                request("/device-score/transfer?source=" + source).POST(HttpRequest.BodyPublishers.noBody()),
                OPERATOR,
                OPERATOR_PASSWORD);
    }

    private String startRun(String source) throws Exception {
        HttpResponse<String> response = transfer(source);
        assertThat(response.statusCode()).isEqualTo(202);
        String trackingId = json.readTree(response.body()).get("trackingId").asText();
        assertThat(response.headers().firstValue("X-Tracking-Id")).contains(trackingId);
        return trackingId;
    }

    private ExecutionRecord awaitRun(String trackingId) {
        return await().atMost(RUN)
                .until(
                        () -> records.find(trackingId).orElse(null),
                        record -> record != null && record.status() != ExecutionStatus.RUNNING);
    }

    /** The mail's text as written: the mailbox shows the body as sent, quoted-printable for non-ASCII or long lines. */
    static String text(Mailbox.Mail mail) {
        try (var decoded = jakarta.mail.internet.MimeUtility.decode(
                new java.io.ByteArrayInputStream(mail.body().getBytes(StandardCharsets.US_ASCII)),
                "quoted-printable")) {
            return new String(decoded.readAllBytes(), StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    static List<String> names(List<DeviceScoreReceiver.Received> received) {
        return received.stream().map(DeviceScoreReceiver.Received::fileName).toList();
    }
}
