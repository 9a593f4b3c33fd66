package org.dacsderms.runtime.devicescore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dacsderms.runtime.devicescore.DeviceScoreFtpTransferTest.randomBytes;
import static org.dacsderms.runtime.devicescore.DeviceScoreFtpTransferTest.sha256;
import static org.dacsderms.runtime.devicescore.DeviceScoreFtpTransferTest.text;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.dacsderms.runtime.platform.execution.ExecutionRecord;
import org.dacsderms.runtime.platform.execution.ExecutionRecords;
import org.dacsderms.runtime.platform.execution.ExecutionStatus;
import org.dacsderms.runtime.sandbox.DeviceScoreReceiver;
import org.dacsderms.runtime.sandbox.Mailbox;
import org.dacsderms.runtime.sandbox.ScoreObjectStore;
import org.dacsderms.runtime.support.RuntimeTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DeviceScoreObjectStorageTransferTest extends RuntimeTestSupport {

    private static final String SPACES_AND_PLUS = "SDCSE 2026 06 01 +plus.csv";
    private static final String PERCENT = "SDCSE_100%_done%2Fnot-a-slash.csv";
    private static final String NON_ASCII = "SDCSE_été_東京.csv";
    private static final Duration RUN = Duration.ofSeconds(30);

    @Autowired
    private ObjectMapper json;

    @Autowired
    private ExecutionRecords records;

    private ScoreObjectStore store;
    private DeviceScoreReceiver derms;

    @BeforeEach
    void emptyBucket() {
        store = SANDBOX.objectStore();
        store.clear();
        derms = DeviceScoreReceiver.of(SANDBOX.derms("nms1"));
    }

    @Test
    void threeObjectsWithAwkwardKeysAreDeliveredByteForByteAndRenamedSent() throws Exception {
        byte[] first = randomBytes(250_000, 11);
        byte[] second = randomBytes(4_096, 12);
        byte[] third = randomBytes(1, 13);
        store.put(SPACES_AND_PLUS, first);
        store.put(PERCENT, second);
        store.put(NON_ASCII, third);

        String trackingId = startRun();

        ExecutionRecord record = awaitRun(trackingId);
        assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(record.successCount()).isEqualTo(3);
        assertThat(store.keys())
                .containsExactlyInAnyOrder("Sent-" + SPACES_AND_PLUS, "Sent-" + PERCENT, "Sent-" + NON_ASCII);
        assertThat(store.content("Sent-" + SPACES_AND_PLUS)).isEqualTo(first);
        assertThat(derms.received()).hasSize(3);
        assertThat(derms.received(SPACES_AND_PLUS).get(0).sha256()).isEqualTo(sha256(first));
        assertThat(derms.received(PERCENT).get(0).sha256()).isEqualTo(sha256(second));
        assertThat(derms.received(NON_ASCII).get(0).sha256()).isEqualTo(sha256(third));
        Mailbox.Mail mail = awaitMail("process complete, tracking id " + trackingId);
        assertThat(text(mail)).contains("Files transferred (3)", SPACES_AND_PLUS, PERCENT, NON_ASCII);
    }

    @Test
    void anObjectDermsRefusesIsRenamedErrorAndTheOthersAreStillDelivered() throws Exception {
        store.put(SPACES_AND_PLUS, randomBytes(100, 1));
        store.put(PERCENT, randomBytes(200, 2));
        store.put(NON_ASCII, randomBytes(300, 3));
        derms.refuse(NON_ASCII, 422);

        String trackingId = startRun();

        ExecutionRecord record = awaitRun(trackingId);
        assertThat(record.successCount()).isEqualTo(2);
        assertThat(record.errorCount()).isEqualTo(1);
        assertThat(store.keys())
                .containsExactlyInAnyOrder("Sent-" + SPACES_AND_PLUS, "Sent-" + PERCENT, "Error-" + NON_ASCII);
        Mailbox.Mail complete = awaitMail("process complete - error, tracking id " + trackingId);
        String notTransferred = text(complete).substring(text(complete).indexOf("Files not transferred (1)"));
        assertThat(notTransferred).contains(NON_ASCII, "DERMS answered HTTP 422");
        assertThat(text(complete)).contains("Files transferred (2)", SPACES_AND_PLUS, PERCENT);
    }

    private String startRun() throws Exception {
        HttpResponse<String> response = sendAs(
                request("/device-score/transfer?source=os").POST(HttpRequest.BodyPublishers.noBody()),
                OPERATOR,
                OPERATOR_PASSWORD);
        assertThat(response.statusCode()).isEqualTo(202);
        return json.readTree(response.body()).get("trackingId").asText();
    }

    private ExecutionRecord awaitRun(String trackingId) {
        return await().atMost(RUN)
                .until(
                        () -> records.find(trackingId).orElse(null),
                        record -> record != null && record.status() != ExecutionStatus.RUNNING);
    }
}
