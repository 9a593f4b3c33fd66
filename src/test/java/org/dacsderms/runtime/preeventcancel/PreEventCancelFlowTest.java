package org.dacsderms.runtime.preeventcancel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.dacsderms.runtime.platform.Flow;
import org.dacsderms.runtime.platform.execution.ExecutionRecord;
import org.dacsderms.runtime.platform.execution.ExecutionRecords;
import org.dacsderms.runtime.platform.execution.ExecutionStatus;
import org.dacsderms.runtime.sandbox.Behaviour;
import org.dacsderms.runtime.sandbox.Mailbox;
import org.dacsderms.runtime.support.RuntimeTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PreEventCancelFlowTest extends RuntimeTestSupport {

    private static final String PATH = "/event-cancellation-to-dacs";
    private static final String MESSAGE_ID = "CAN-20260701-0007";
    private static final String EVENT_ID = "EVT-2026-0701-A";

    @Autowired
    private ObjectMapper json;

    @Autowired
    private ExecutionRecords records;

    @Test
    void theSampleCancellationReachesDacsAndDermsGetsAMsgAckSuccess() throws Exception {
        HttpResponse<String> response = post(PATH, sample("pre-event-cancel.json"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(
                        SANDBOX.dacs().journal("preEventCancellation").get(0).body()))
                .isEqualTo(json.readTree("{\"eventExternalIdentifier\":\"EVT-2026-0701-A\","
                        + "\"cancelMessage\":\"Forecast peak did not materialise\"}"));
        JsonNode ack = json.readTree(response.body()).get("MsgAck");
        assertThat(ack.get("ackType").asText()).isEqualTo("SUCCESS");
        assertThat(ack.at("/responses/response/0/id").asText()).isEqualTo(MESSAGE_ID);
        assertThat(ack.at("/responses/response/0/value").asText()).isEqualTo(EVENT_ID);
        ExecutionRecord record = records.find(
                        response.headers().firstValue("X-Tracking-Id").orElseThrow())
                .orElseThrow();
        assertThat(record.flow()).isEqualTo(Flow.PRE_EVENT_CANCEL.routeId());
        assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(record.businessIds()).isEqualTo(MESSAGE_ID + ", event " + EVENT_ID);
    }

    @Test
    void aCancelTextLongerThanDacsTakesIsCutAt100Characters() throws Exception {
        String text = "x".repeat(150);

        post(PATH, sample("pre-event-cancel.json").replace("Forecast peak did not materialise", text));

        assertThat(json.readTree(SANDBOX.dacs()
                                .journal("preEventCancellation")
                                .get(0)
                                .body())
                        .get("cancelMessage")
                        .asText())
                .isEqualTo("x".repeat(100));
    }

    @Test
    void dacsRefusingTheCancellationAnswersFailureWithItsReasonAndSendsOneMail() throws Exception {
        SANDBOX.dacs().behave(Behaviour.normal("preEventCancellation").withBusinessErrorFor(EVENT_ID));

        HttpResponse<String> response = post(PATH, sample("pre-event-cancel.json"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode ack = json.readTree(response.body()).get("MsgAck");
        assertThat(ack.get("ackType").asText()).isEqualTo("FAILURE");
        assertThat(ack.at("/responses/response/0/value").asText())
                .isEqualTo("DACS answered HTTP 400: Event EVT-2026-0701-A has no reservations to cancel");
        String trackingId = response.headers().firstValue("X-Tracking-Id").orElseThrow();
        Mailbox.Mail mail = theOnlyMail();
        assertThat(mail.subject()).contains("Pre-Event Cancel", "OUTL_BA_DRMS_DACS_PRE_EVENT_CANC", trackingId);
        assertThat(mail.body()).contains(MESSAGE_ID, EVENT_ID, "has no reservations to cancel");
        assertThat(records.find(trackingId).orElseThrow().status()).isEqualTo(ExecutionStatus.FAILURE);
    }

    @Test
    void dacsNotAnsweringAnswersFailureAndSendsOneMail() throws Exception {
        SANDBOX.dacs().behave(Behaviour.normal("preEventCancellation").withNoAnswer());

        HttpResponse<String> response = post(PATH, sample("pre-event-cancel.json"));

        JsonNode ack = json.readTree(response.body()).get("MsgAck");
        assertThat(ack.get("ackType").asText()).isEqualTo("FAILURE");
        assertThat(ack.at("/responses/response/0/value").asText()).isEqualTo("DACS did not answer: timed out");
        assertThat(theOnlyMail().body()).contains("DACS did not answer: timed out");
    }

    @Test
    void aCancellationWithoutEventIdIsRefusedWith400AndNothingIsSent() throws Exception {
        HttpResponse<String> response =
                post(PATH, sample("pre-event-cancel.json").replace(EVENT_ID, " "));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("message").asText()).isEqualTo("eventId is missing");
        assertThat(SANDBOX.dacs().journal(null)).isEmpty();
    }

    @Test
    void theVendorPathServesTheSameFlow() {
        HttpResponse<String> response = post(
                "/ic/api/integration/v1/flows/rest/OUTL_BA_DRMS_DACS_PRE_EVENT_CANC/1.0/preEventCancel",
                sample("pre-event-cancel.json"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(SANDBOX.dacs().journal("preEventCancellation")).hasSize(1);
    }
}
