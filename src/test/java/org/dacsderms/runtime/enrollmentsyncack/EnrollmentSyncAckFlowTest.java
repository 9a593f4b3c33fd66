package org.dacsderms.runtime.enrollmentsyncack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.dacsderms.runtime.platform.Flow;
import org.dacsderms.runtime.platform.execution.ExecutionRecord;
import org.dacsderms.runtime.platform.execution.ExecutionRecords;
import org.dacsderms.runtime.platform.execution.ExecutionStatus;
import org.dacsderms.runtime.sandbox.Behaviour;
import org.dacsderms.runtime.sandbox.Mailbox;
import org.dacsderms.runtime.sandbox.SimRequest;
import org.dacsderms.runtime.support.RuntimeTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class EnrollmentSyncAckFlowTest extends RuntimeTestSupport {

    private static final String PATH = "/sendEnrollAck";

    @Autowired
    private ObjectMapper json;

    @Autowired
    private ExecutionRecords records;

    @Autowired
    private PendingSyncAcks acks;

    private final String syncRequestId = "77" + System.nanoTime();

    @BeforeEach
    void sendAcksAtOnce() throws Exception {
        editLookup("ConfigProps", "enrollment.sync.ack.delay.seconds", "0");
    }

    @Test
    void anAckDermsPostsIsAnsweredWithAMsgAckAndSentToDacsWithOneExceptionPerError() throws Exception {
        HttpResponse<String> response = post(
                PATH,
                "{\"dacsMessageId\":\"" + syncRequestId + "\",\"ackType\":\"ERROR\",\"errors\":["
                        + "{\"code\":\"E-PERSON\",\"text\":\"person id is missing\"},"
                        + "{\"code\":\"E-PREMISE\",\"text\":\"" + "p".repeat(300) + "\"}]}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode ack = json.readTree(response.body()).get("MsgAck");
        assertThat(ack.get("ackType").asText()).isEqualTo("SUCCESS");
        assertThat(ack.at("/responses/response/0/id").asText()).isEqualTo(syncRequestId);
        assertThat(ack.at("/responses/response/0/value").asText()).startsWith("ack to DACS due at ");
        JsonNode exceptions = json.readTree(theOnlyPatch().body()).get("exceptionInfo");
        assertThat(exceptions).hasSize(2);
        assertThat(exceptions.get(0).get("comments").asText()).isEqualTo("person id is missing");
        assertThat(exceptions
                        .get(0)
                        .at("/messageParameters/0/messageParameterValue")
                        .asText())
                .isEqualTo("E-PERSON");
        assertThat(exceptions.get(1).get("sequence").asInt()).isEqualTo(2);
        assertThat(exceptions.get(1).get("comments").asText()).hasSize(254);
        assertThat(SANDBOX.dacs().journal("syncRequest").get(0).headers().get("content-type"))
                .startsWith("application/json");
    }

    @Test
    void eachDeliveryIsRecordedAsARunOfTheSyncAckFlow() throws Exception {
        HttpResponse<String> response = post(PATH, success());

        String trackingId = response.headers().firstValue("X-Tracking-Id").orElseThrow();
        assertThat(records.find(trackingId).orElseThrow().flow()).isEqualTo(Flow.ENROLLMENT_SYNC_ACK.routeId());
        theOnlyPatch();
        await().atMost(Duration.ofSeconds(5)).until(() -> delivery().isPresent());
        ExecutionRecord delivery = delivery().orElseThrow();
        assertThat(delivery.trackingId()).isNotEqualTo(trackingId);
        assertThat(delivery.vendorId()).isEqualTo("OUTL-BA-DRMS_DACS_SYNC_ACK");
        assertThat(delivery.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(delivery.successCount()).isEqualTo(1);
    }

    @Test
    void dacsAnsweringAlreadyAcknowledgedCountsAsDoneWithoutMail() throws Exception {
        patchDacsDirectly();

        post(PATH, success());

        await().atMost(Duration.ofSeconds(10)).until(() -> patches().size() == 2);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> acks.status(syncRequestId).orElse("").equals("DONE"));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> patches().size() == 2 && SANDBOX.mailbox().mails().isEmpty());
    }

    @Test
    void dacsRefusingTheAckSendsOneMailAndTheAckStops() throws Exception {
        SANDBOX.dacs().behave(Behaviour.normal("syncRequest").withStatus(500));

        post(PATH, success());

        Mailbox.Mail mail = theOnlyMail();
        assertThat(mail.subject()).contains("Enrollment Sync Ack", "OUTL-BA-DRMS_DACS_SYNC_ACK");
        assertThat(mail.body()).contains(syncRequestId, "DACS answered HTTP 500");
        assertThat(acks.status(syncRequestId)).contains("FAILED");
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> patches().size() == 1);
        assertThat(delivery().orElseThrow().status()).isEqualTo(ExecutionStatus.FAILURE);
    }

    @Test
    void anAckPostedAgainAfterItWasSentIsNotSentTwice() throws Exception {
        post(PATH, success());
        theOnlyPatch();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> acks.status(syncRequestId).orElse("").equals("DONE"));

        HttpResponse<String> again = post(PATH, success());

        assertThat(json.readTree(again.body())
                        .at("/MsgAck/responses/response/0/value")
                        .asText())
                .contains("already sent to DACS; not sent again");
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> patches().size() == 1);
    }

    @Test
    void anAckWaitingForItsDelayIsReplacedByALaterOneAndSentOnce() throws Exception {
        editLookup("ConfigProps", "enrollment.sync.ack.delay.seconds", "2");
        post(PATH, success());

        post(PATH, "{\"dacsMessageId\":\"" + syncRequestId + "\",\"ackType\":\"FAILURE\"}");

        JsonNode exceptions = json.readTree(theOnlyPatch().body()).get("exceptionInfo");
        assertThat(exceptions).hasSize(1);
        assertThat(exceptions.get(0).get("comments").asText())
                .isEqualTo("DERMS answered FAILURE without error details");
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> patches().size() == 1);
    }

    @Test
    void anInvalidAckIsRefusedWith400NamingEachDefectAndNothingIsStored() throws Exception {
        HttpResponse<String> response = post(PATH, "{\"dacsMessageId\":\"a/b\",\"ackType\":\"MAYBE\",\"errors\":[{}]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("message").asText())
                .isEqualTo("dacsMessageId must be 1 to 64 letters, digits, '-' or '_'; "
                        + "ackType must be SUCCESS, ERROR or FAILURE; errors[0] has neither code nor text");
        assertThat(acks.status("a/b")).isEmpty();
    }

    @Test
    void theVendorPathServesTheSameFlow() {
        HttpResponse<String> response = post(
                "/ic/api/integration/v2/flows/oracleutilities/project/OUTL-BA-DACS_DERMS/OUTL-BA-DRMS_DACS_SYNC_ACK"
                        + "/1.0/sendEnrollAck",
                success());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        theOnlyPatch();
    }

    private String success() {
        return "{\"dacsMessageId\":\"" + syncRequestId + "\",\"ackType\":\"SUCCESS\",\"errors\":[]}";
    }

    private java.util.Optional<ExecutionRecord> delivery() {
        return records.latest(Flow.ENROLLMENT_SYNC_ACK, 50).stream()
                .filter(r -> syncRequestId.equals(r.businessIds()) && r.endedAt() != null)
                .filter(r -> r.recordCount() != null)
                .findFirst();
    }

    /** Acknowledges the sync request in the DACS simulator as another sender would have. */
    private void patchDacsDirectly() throws Exception {
        Map<String, String> settings = SANDBOX.runtimeProperties();
        String pair = settings.get("dacs.username") + ":" + settings.get("dacs.password");
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        settings.get("dacs.base-url") + "/ouaf/rest/apis/common/sync/syncRequest/" + syncRequestId))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"exceptionInfo\":[]}"))
                .build();
        assertThat(HttpClient.newHttpClient()
                        .send(request, HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(200);
    }

    private SimRequest theOnlyPatch() {
        await().atMost(Duration.ofSeconds(10)).until(() -> !patches().isEmpty());
        assertThat(patches()).hasSize(1);
        return patches().get(0);
    }

    private List<SimRequest> patches() {
        return SANDBOX.dacs().journal("syncRequest").stream()
                .filter(r -> r.path().endsWith("/syncRequest/" + syncRequestId))
                .toList();
    }
}
