package org.dacsderms.runtime.enrollmentsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.dacsderms.runtime.enrollmentsyncack.PendingSyncAcks;
import org.dacsderms.runtime.platform.Flow;
import org.dacsderms.runtime.platform.execution.ExecutionRecord;
import org.dacsderms.runtime.platform.execution.ExecutionRecords;
import org.dacsderms.runtime.platform.execution.ExecutionStatus;
import org.dacsderms.runtime.sandbox.Behaviour;
import org.dacsderms.runtime.sandbox.DermsSyncEndpoints;
import org.dacsderms.runtime.sandbox.Mailbox;
import org.dacsderms.runtime.sandbox.SimRequest;
import org.dacsderms.runtime.support.RuntimeTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class EnrollmentSyncFlowTest extends RuntimeTestSupport {

    private static final String PATH = "/enrollment-sync";
    private static final String SAMPLE_ID = "15449036987849";

    @Autowired
    private ObjectMapper json;

    @Autowired
    private ExecutionRecords records;

    @Autowired
    private PendingSyncAcks acks;

    private final String syncRequestId = "99" + System.nanoTime();

    @Test
    void theSampleSyncIsMappedSentToTheDivisionsDermsAndAnsweredWithTheExternalId() throws Exception {
        HttpResponse<String> response = post(PATH, sync("TX01"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()))
                .isEqualTo(json.readTree("{\"externalId\":\"" + syncRequestId + "\"}"));
        assertThat(SANDBOX.derms("nms2").journal("enroll")).isEmpty();
        List<SimRequest> calls = SANDBOX.derms("nms1").journal("enroll");
        assertThat(calls).hasSize(1);
        JsonNode sent = json.readTree(calls.get(0).body());
        assertThat(sent.get("dacsMessageId").asText()).isEqualTo(syncRequestId);
        assertThat(sent.has("sendDetails")).isFalse();
        assertThat(sent.at("/contactInfo/cisPersonId").asText()).isEqualTo("8213345501");
        assertThat(sent.at("/subscriptionInfo/startDateTimeISO").asText()).isEqualTo("2026-06-01T05:00:00.000Z");
        assertThat(sent.at("/subscriptionInfo/endDateTimeISO").isNull()).isTrue();
        assertThat(sent.at("/subscriptionInfo").has("startDateTime")).isFalse();
        assertThat(sent.at("/locationInfo/controllableDevices/0/nicId").asText())
                .isEqualTo("ECB-44F1A3C9");
        assertThat(sent.at("/locationInfo/division").asText()).isEqualTo("TX01");
    }

    @Test
    void aDivisionRoutedToTheSecondDermsInstanceReachesThatInstanceOnly() throws Exception {
        HttpResponse<String> response = post(PATH, sync("TX02"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(SANDBOX.derms("nms2").journal("enroll")).hasSize(1);
        assertThat(SANDBOX.derms("nms1").journal("enroll")).isEmpty();
        assertThat(json.readTree(SANDBOX.derms("nms2").journal("enroll").get(0).body())
                        .get("dacsMessageId")
                        .asText())
                .isEqualTo(syncRequestId);
    }

    @Test
    void theSyncAckArrivesAtDacsAfterTheConfiguredDelayAndOnlyOnce() throws Exception {
        editLookup("ConfigProps", "enrollment.sync.ack.delay.seconds", "2");
        Instant sent = Instant.now();

        HttpResponse<String> response = post(PATH, sync("TX01"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(acks.status(syncRequestId)).contains("PENDING");
        await().atMost(Duration.ofSeconds(10)).until(() -> !patches().isEmpty());
        SimRequest patch = patches().get(0);
        assertThat(patch.receivedAt()).isAfterOrEqualTo(sent.plusSeconds(2));
        assertThat(json.readTree(patch.body())).isEqualTo(json.readTree("{\"exceptionInfo\":[]}"));
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> patches().size() == 1);
        assertThat(acks.status(syncRequestId)).contains("DONE");
        assertThat(SANDBOX.mailbox().mails()).isEmpty();
    }

    @Test
    void aSyncDermsRejectsIsAcknowledgedWithOneExceptionPerDermsError() throws Exception {
        editLookup("ConfigProps", "enrollment.sync.ack.delay.seconds", "0");
        SANDBOX.derms("nms1").behave(Behaviour.normal("enroll").withBusinessErrorFor(syncRequestId));

        HttpResponse<String> response = post(PATH, sync("TX01"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> !patches().isEmpty());
        JsonNode exceptions = json.readTree(patches().get(0).body()).get("exceptionInfo");
        assertThat(exceptions).hasSize(1);
        assertThat(exceptions.get(0).get("sequence").asInt()).isEqualTo(1);
        assertThat(exceptions.get(0).get("messageCategory").asInt()).isEqualTo(90000);
        assertThat(exceptions.get(0).get("messageNumber").asInt()).isEqualTo(1001);
        assertThat(exceptions.get(0).get("comments").asText()).isEqualTo(DermsSyncEndpoints.REJECTION);
        assertThat(exceptions
                        .get(0)
                        .at("/messageParameters/0/messageParameterValue")
                        .asText())
                .isEqualTo("ERROR");
        String trackingId = response.headers().firstValue("X-Tracking-Id").orElseThrow();
        assertThat(records.find(trackingId).orElseThrow().status()).isEqualTo(ExecutionStatus.ERROR);
        assertThat(SANDBOX.mailbox().mails()).isEmpty();
    }

    @Test
    void dermsDownDuringASyncGivesDacsAFaultSendsOneMailAndNoAck() throws Exception {
        editLookup("ConfigProps", "enrollment.sync.ack.delay.seconds", "0");
        SANDBOX.derms("nms1").stop();
        try {
            HttpResponse<String> response = post(PATH, sync("TX01"));

            assertThat(response.statusCode()).isEqualTo(500);
            JsonNode error = json.readTree(response.body());
            String trackingId = response.headers().firstValue("X-Tracking-Id").orElseThrow();
            assertThat(error.get("code").asText()).isEqualTo("TECHNICAL_FAULT");
            assertThat(error.get("trackingId").asText()).isEqualTo(trackingId);
            Mailbox.Mail mail = theOnlyMail();
            assertThat(mail.subject()).contains("Enrollment Sync", "OUTL-BA-DACS_DRMS_ENROLL_SYNC", trackingId);
            assertThat(mail.to()).containsExactly("integration-support@utility.example");
            assertThat(mail.body()).contains(syncRequestId, "DERMS nms1 did not answer: connection refused");
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> patches()
                    .isEmpty());
            assertThat(acks.status(syncRequestId)).isEmpty();
            ExecutionRecord record = records.find(trackingId).orElseThrow();
            assertThat(record.status()).isEqualTo(ExecutionStatus.FAILURE);
            assertThat(record.businessIds()).isEqualTo(syncRequestId);
        } finally {
            SANDBOX.derms("nms1").restart();
        }
    }

    @Test
    void dermsAnsweringAnErrorStatusGivesDacsAFaultAndOneMail() throws Exception {
        SANDBOX.derms("nms2").behave(Behaviour.normal("enroll").withStatus(503));

        HttpResponse<String> response = post(PATH, sync("TX02"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(theOnlyMail().body()).contains("DERMS nms2 answered HTTP 503 to /enroll");
        assertThat(acks.status(syncRequestId)).isEmpty();
    }

    @Test
    void aDivisionTheRoutingLookupDoesNotKnowIsAFaultNamingTheLookupAndCallsNoDerms() throws Exception {
        HttpResponse<String> response = post(PATH, sync("TX99"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(theOnlyMail().body()).contains("lookup OUTL-BRT-DACS_DRMS_Routing has no DERMS instance for 'TX99'");
        assertThat(SANDBOX.derms("nms1").journal(null)).isEmpty();
        assertThat(SANDBOX.derms("nms2").journal(null)).isEmpty();
    }

    @Test
    void aSyncWithoutIdAndDivisionIsRefusedWith400NamingBothAndNothingIsSent() throws Exception {
        String bad = sample("enrollment-sync.json")
                .replace("\"syncRequestId\": \"" + SAMPLE_ID + "\",", "")
                .replace("\"division\": \"TX01\",", "");

        HttpResponse<String> response = post(PATH, bad);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json.readTree(response.body());
        assertThat(error.get("code").asText()).isEqualTo("INVALID_PAYLOAD");
        assertThat(error.get("message").asText())
                .isEqualTo("sendDetails.syncRequestId is missing; sendDetails.locationInfo.division is missing");
        assertThat(SANDBOX.derms("nms1").journal(null)).isEmpty();
        String trackingId = response.headers().firstValue("X-Tracking-Id").orElseThrow();
        assertThat(records.find(trackingId).orElseThrow().status()).isEqualTo(ExecutionStatus.REJECTED);
    }

    @Test
    void aSyncRequestIdThatCouldSteerTheDacsUrlIsRefused() throws Exception {
        HttpResponse<String> response =
                post(PATH, sample("enrollment-sync.json").replace(SAMPLE_ID, "1/../../x"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("message").asText())
                .isEqualTo("sendDetails.syncRequestId must be 1 to 64 letters, digits, '-' or '_'");
    }

    @Test
    void bodiesThatAreNotJsonAreRefusedWith400() {
        assertThat(post(PATH, "{\"sendDetails\": [").statusCode()).isEqualTo(400);
        assertThat(post(PATH, "").statusCode()).isEqualTo(400);
    }

    @Test
    void theVendorPathServesTheSameFlowAndEveryRunIsRecordedUnderTheFlowsRouteId() throws Exception {
        HttpResponse<String> response = post(
                "/ic/api/integration/v1/flows/rest/OUTL-BA-DACS_DRMS_ENROLL_SYNC/1.0/enrollment-sync", sync("TX01"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        ExecutionRecord record = records.find(
                        response.headers().firstValue("X-Tracking-Id").orElseThrow())
                .orElseThrow();
        assertThat(record.flow()).isEqualTo(Flow.ENROLLMENT_SYNC.routeId());
        assertThat(record.vendorId()).isEqualTo("OUTL-BA-DACS_DRMS_ENROLL_SYNC");
        assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(record.businessIds()).isEqualTo(syncRequestId);
    }

    private String sync(String division) {
        return sample("enrollment-sync.json")
                .replace(SAMPLE_ID, syncRequestId)
                .replace("\"division\": \"TX01\"", "\"division\": \"" + division + "\"");
    }

    private List<SimRequest> patches() {
        return SANDBOX.dacs().journal("syncRequest").stream()
                .filter(r -> r.path().endsWith("/syncRequest/" + syncRequestId))
                .toList();
    }
}
