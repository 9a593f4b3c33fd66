package org.dacsderms.runtime.devicestatus;

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

class DeviceStatusCheckFlowTest extends RuntimeTestSupport {

    private static final String PATH = "/device-status-check";
    private static final String ID = "CDS-000123";

    @Autowired
    private ObjectMapper json;

    @Autowired
    private ExecutionRecords records;

    @Test
    void theSampleCheckReachesTheDivisionsDermsAndDacsGetsTheExternalId() throws Exception {
        HttpResponse<String> response = post(PATH, sample("device-status-check.json"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()))
                .isEqualTo(json.readTree("{\"responseDetails\":{\"externalId\":\"" + ID + "\"}}"));
        assertThat(SANDBOX.derms("nms2").journal("statusCheck")).isEmpty();
        JsonNode sent = json.readTree(
                SANDBOX.derms("nms1").journal("statusCheck").get(0).body());
        assertThat(sent)
                .isEqualTo(json.readTree("{\"dacsMessageId\":\"CDS-000123\",\"deviceInfo\":{\"division\":\"TX01\","
                        + "\"deviceType\":\"THERMOSTAT\",\"specification\":\"ECOBEE!SMART-PREMIUM\","
                        + "\"headEndSystem\":\"ECOBEE\",\"nicid\":\"ECB-44F1A3C9\"}}"));
        ExecutionRecord record = records.find(
                        response.headers().firstValue("X-Tracking-Id").orElseThrow())
                .orElseThrow();
        assertThat(record.flow()).isEqualTo(Flow.DEVICE_STATUS_CHECK.routeId());
        assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(record.businessIds()).isEqualTo(ID);
    }

    @Test
    void aDivisionRoutedToTheSecondDermsInstanceReachesThatInstanceOnly() {
        HttpResponse<String> response =
                post(PATH, sample("device-status-check.json").replace("TX01", "TX02"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(SANDBOX.derms("nms2").journal("statusCheck")).hasSize(1);
        assertThat(SANDBOX.derms("nms1").journal(null)).isEmpty();
    }

    @Test
    void dermsAnsweringAnErrorGivesDacsAFaultAndOneMail() throws Exception {
        SANDBOX.derms("nms1").behave(Behaviour.normal("statusCheck").withStatus(502));

        HttpResponse<String> response = post(PATH, sample("device-status-check.json"));

        assertThat(response.statusCode()).isEqualTo(500);
        String trackingId = response.headers().firstValue("X-Tracking-Id").orElseThrow();
        assertThat(json.readTree(response.body()).get("trackingId").asText()).isEqualTo(trackingId);
        Mailbox.Mail mail = theOnlyMail();
        assertThat(mail.subject()).contains("Device Status Check", "OUTL-BA-DACS_DRMS_DEVICE_STATUS", trackingId);
        assertThat(mail.body()).contains(ID, "DERMS nms1 answered HTTP 502 to /status-check");
    }

    @Test
    void dermsNotAnsweringGivesDacsAFaultAndOneMail() {
        SANDBOX.derms("nms1").behave(Behaviour.normal("statusCheck").withNoAnswer());

        HttpResponse<String> response = post(PATH, sample("device-status-check.json"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(theOnlyMail().body()).contains("DERMS nms1 did not answer: timed out");
    }

    @Test
    void aDivisionTheRoutingLookupDoesNotKnowIsAFaultAndCallsNoDerms() {
        HttpResponse<String> response =
                post(PATH, sample("device-status-check.json").replace("TX01", "ZZ9"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(theOnlyMail().body()).contains("OUTL-BRT-DACS_DRMS_Routing has no DERMS instance for 'ZZ9'");
        assertThat(SANDBOX.derms("nms1").journal(null)).isEmpty();
        assertThat(SANDBOX.derms("nms2").journal(null)).isEmpty();
    }

    @Test
    void aCheckWithoutNicIdAndWithATooLongIdIsRefusedWith400() throws Exception {
        String bad = sample("device-status-check.json")
                .replace(ID, "C".repeat(31))
                .replace("\"nicid\": \"ECB-44F1A3C9\"", "\"nicid\": \"\"");

        HttpResponse<String> response = post(PATH, bad);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("message").asText())
                .isEqualTo("sendDetails.communicationId is longer than 30 characters; "
                        + "sendDetails.deviceInfo.nicid is missing");
        assertThat(SANDBOX.derms("nms1").journal(null)).isEmpty();
    }

    @Test
    void theVendorPathServesTheSameFlow() {
        HttpResponse<String> response = post(
                "/ic/api/integration/v1/flows/oracleutilities/OUTL-BA-DACS_DRMS_DEVICE_STATUS/1.0/device-status-check",
                sample("device-status-check.json"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(SANDBOX.derms("nms1").journal("statusCheck")).hasSize(1);
    }
}
