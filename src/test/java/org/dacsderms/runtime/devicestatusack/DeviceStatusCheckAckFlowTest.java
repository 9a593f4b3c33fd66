package org.dacsderms.runtime.devicestatusack;

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

class DeviceStatusCheckAckFlowTest extends RuntimeTestSupport {

    private static final String PATH = "/status-check-ack-to-dacs";
    private static final String ID = "CDS-000123";

    @Autowired
    private ObjectMapper json;

    @Autowired
    private ExecutionRecords records;

    @Test
    void theResultReachesDacsUnderTheChecksIdAndDermsGetsTheBoStatus() throws Exception {
        HttpResponse<String> response = post(PATH, sample("device-status-check-ack.json"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(SANDBOX.dacs().journal("statusResponse").get(0).body()))
                .isEqualTo(json.readTree(
                        "{\"responseDetail\":{\"transactionID\":\"CDS-000123\",\"result\":{\"status\":\"SUCCESS\"}}}"));
        JsonNode ack = json.readTree(response.body()).get("MsgAck");
        assertThat(ack.get("ackType").asText()).isEqualTo("SUCCESS");
        JsonNode entry = ack.at("/responses/response/0");
        assertThat(entry.get("id").asText()).isEqualTo(ID);
        assertThat(entry.get("responseCode").asText()).isEqualTo("SUCCESS");
        assertThat(entry.get("dacsMessageId").asText()).isEqualTo(ID);
        ExecutionRecord record = records.find(
                        response.headers().firstValue("X-Tracking-Id").orElseThrow())
                .orElseThrow();
        assertThat(record.flow()).isEqualTo(Flow.DEVICE_STATUS_CHECK_ACK.routeId());
        assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(record.businessIds()).isEqualTo(ID);
    }

    @Test
    void aFailureResultIsPassedOnAndDacsBoStatusErrorBecomesTheResponseCode() throws Exception {
        SANDBOX.dacs().behave(Behaviour.normal("statusResponse").withBusinessErrorFor(ID));

        HttpResponse<String> response =
                post(PATH, sample("device-status-check-ack.json").replace("SUCCESS", "FAILURE"));

        assertThat(json.readTree(SANDBOX.dacs().journal("statusResponse").get(0).body())
                        .at("/responseDetail/result/status")
                        .asText())
                .isEqualTo("FAILURE");
        JsonNode ack = json.readTree(response.body()).get("MsgAck");
        assertThat(ack.get("ackType").asText()).isEqualTo("ERROR");
        assertThat(ack.at("/responses/response/0/responseCode").asText()).isEqualTo("ERROR");
        assertThat(ack.at("/responses/response/0/value").asText()).isEqualTo("DACS boStatus ERROR");
    }

    @Test
    void dacsAnsweringAnErrorStatusAnswersFailureAndSendsOneMail() throws Exception {
        SANDBOX.dacs().behave(Behaviour.normal("statusResponse").withStatus(500));

        HttpResponse<String> response = post(PATH, sample("device-status-check-ack.json"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode ack = json.readTree(response.body()).get("MsgAck");
        assertThat(ack.get("ackType").asText()).isEqualTo("FAILURE");
        assertThat(ack.at("/responses/response/0/value").asText()).isEqualTo("DACS answered HTTP 500");
        String trackingId = response.headers().firstValue("X-Tracking-Id").orElseThrow();
        Mailbox.Mail mail = theOnlyMail();
        assertThat(mail.subject()).contains("Device Status Check Ack", "OUTL-BA-DRMS_DACS_DEV_STAT_ACK", trackingId);
        assertThat(mail.body()).contains(ID, "DACS answered HTTP 500");
        assertThat(records.find(trackingId).orElseThrow().status()).isEqualTo(ExecutionStatus.FAILURE);
    }

    @Test
    void dacsDownAnswersFailureAndSendsOneMail() throws Exception {
        SANDBOX.dacs().stop();
        try {
            HttpResponse<String> response = post(PATH, sample("device-status-check-ack.json"));

            assertThat(json.readTree(response.body()).at("/MsgAck/ackType").asText())
                    .isEqualTo("FAILURE");
            assertThat(theOnlyMail().body()).contains("DACS did not answer: connection refused");
        } finally {
            SANDBOX.restartDacs();
        }
    }

    @Test
    void aResultWithoutIdOrWithAnUnknownCodeIsRefusedWith400() throws Exception {
        HttpResponse<String> response = post(PATH, "{\"responseCode\":\"MAYBE\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("message").asText())
                .isEqualTo("dacsMessageId is missing; responseCode must be SUCCESS or FAILURE");
        assertThat(SANDBOX.dacs().journal(null)).isEmpty();
    }

    @Test
    void theVendorPathServesTheSameFlow() {
        HttpResponse<String> response = post(
                "/ic/api/integration/v1/flows/rest/OUTL-BA-DRMS_DACS_DEV_STAT_ACK/1.0/status-check-ack-to-dacs",
                sample("device-status-check-ack.json"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(SANDBOX.dacs().journal("statusResponse")).hasSize(1);
    }
}
