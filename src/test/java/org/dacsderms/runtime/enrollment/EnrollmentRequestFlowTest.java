package org.dacsderms.runtime.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.dacsderms.runtime.platform.Flow;
import org.dacsderms.runtime.platform.execution.ExecutionRecord;
import org.dacsderms.runtime.platform.execution.ExecutionRecords;
import org.dacsderms.runtime.platform.execution.ExecutionStatus;
import org.dacsderms.runtime.sandbox.Behaviour;
import org.dacsderms.runtime.sandbox.Mailbox;
import org.dacsderms.runtime.sandbox.SimRequest;
import org.dacsderms.runtime.support.RuntimeTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class EnrollmentRequestFlowTest extends RuntimeTestSupport {

    private static final String PATH = "/enroll-to-dacs";
    private static final String FIRST = "ENR-20260601-0001";
    private static final String SECOND = "ENR-20260601-0002";

    @Autowired
    private ObjectMapper json;

    @Autowired
    private ExecutionRecords records;

    @Test
    void theSampleBatchIsEnrolledInDacsAndAnsweredInInputOrder() throws Exception {
        HttpResponse<String> response = post(PATH, sample("enrollment-request.json"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode ack = json.readTree(response.body()).get("MsgAck");
        assertThat(ack.get("ackType").asText()).isEqualTo("SUCCESS");
        assertThat(ack.get("whenISO").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        JsonNode entries = ack.at("/responses/response");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).get("id").asText()).isEqualTo(FIRST);
        assertThat(entries.get(1).get("id").asText()).isEqualTo(SECOND);
        for (JsonNode entry : entries) {
            assertThat(entry.get("responseCode").asText()).isEqualTo("SUCCESS");
            assertThat(entry.get("value").asText()).matches("3000\\d{8}");
            assertThat(entry.has("dacsMessageId")).isTrue();
        }
        assertThat(response.headers().firstValue("X-Tracking-Id")).isPresent();
        assertThat(SANDBOX.dacs().journal("enroll")).hasSize(2);
    }

    @Test
    void eachRequestIsMappedToTheDacsShapeThroughTheLookups() throws Exception {
        post(PATH, sample("enrollment-request.json"));

        JsonNode sent = dacsBodyFor(SECOND);
        assertThat(sent.at("/programInfo/startDate").asText()).isEqualTo("2026-06-02");
        assertThat(sent.at("/programInfo").has("endDateTimeISO")).isFalse();
        assertThat(sent.at("/programInfo/cisServiceAgreementId").asText()).isEqualTo("7730016602");
        assertThat(sent.at("/customerInfo/businessPhone").asText()).isEqualTo("5125550100");
        assertThat(sent.at("/locationInfo/postal").asText()).isEqualTo("78664");
        JsonNode heater = sent.at("/assetInfo/assetList/1");
        assertThat(heater.get("specification").asText()).isEqualTo("X1-RHM-PT50");
        assertThat(heater.get("assetType").asText()).isEqualTo("X1WTRHTR");
        assertThat(heater.get("nicId").asText()).isEqualTo("RHM-71D0E5AA");
        assertThat(sent.at("/assetInfo/installationMethod").asText()).isEqualTo("X1SI");
    }

    @Test
    void aBusinessErrorOnOneRequestAnswersErrorForItAndSendsNoMail() throws Exception {
        SANDBOX.dacs().behave(Behaviour.normal("enroll").withBusinessErrorFor(SECOND));

        JsonNode ack = ack(post(PATH, sample("enrollment-request.json")));

        assertThat(ack.get("ackType").asText()).isEqualTo("ERROR");
        assertThat(codes(ack)).containsExactly("SUCCESS", "ERROR");
        assertThat(ack.at("/responses/response/1/value").asText())
                .isEqualTo("Service agreement is not eligible for the program");
        assertNoMailWithin(Duration.ofSeconds(2));
    }

    @Test
    void anEnrollmentDacsAlreadyHasCountsAsSuccess() throws Exception {
        SANDBOX.dacs().behave(Behaviour.normal("enroll").withAlreadyEnrolledFor(FIRST));

        JsonNode ack = ack(post(PATH, sample("enrollment-request.json")));

        assertThat(ack.get("ackType").asText()).isEqualTo("SUCCESS");
        assertThat(codes(ack)).containsExactly("SUCCESS", "SUCCESS");
        assertThat(ack.at("/responses/response/0/value").asText()).isEqualTo("The enrollment already exists");
        assertNoMailWithin(Duration.ofSeconds(2));
    }

    @Test
    void dacsAnswering500AnswersFailureAndSendsExactlyOneMail() throws Exception {
        SANDBOX.dacs().behave(Behaviour.normal("enroll").withStatus(500));

        HttpResponse<String> response = post(PATH, sample("enrollment-request.json"));

        JsonNode ack = ack(response);
        assertThat(ack.get("ackType").asText()).isEqualTo("FAILURE");
        assertThat(codes(ack)).containsExactly("FAILURE", "FAILURE");
        assertThat(ack.at("/responses/response/0/value").asText()).isEqualTo("DACS answered HTTP 500");
        String trackingId = response.headers().firstValue("X-Tracking-Id").orElseThrow();
        Mailbox.Mail mail = theOnlyMail();
        assertThat(mail.subject()).contains("Enrollment Request", "OUTL-BA-DRMS_DACS_ENROLLRQ", trackingId);
        assertThat(mail.to()).containsExactly("integration-support@utility.example");
        assertThat(mail.body()).contains(FIRST, SECOND, trackingId, "every request failed technically");
    }

    @Test
    void dacsDownStopsTheBatchAnswersFailureAndSendsExactlyOneMail() throws Exception {
        SANDBOX.dacs().stop();
        try {
            HttpResponse<String> response = post(PATH, sample("enrollment-request.json"));

            JsonNode ack = ack(response);
            assertThat(ack.get("ackType").asText()).isEqualTo("FAILURE");
            assertThat(codes(ack)).containsExactly("FAILURE", "FAILURE");
            assertThat(theOnlyMail().body()).contains("DACS refuses connections", FIRST, SECOND);
        } finally {
            SANDBOX.restartDacs();
        }
    }

    @Test
    void aTechnicalFaultOnOneRequestFailsOnlyThatEntryAndSendsNoMail() throws Exception {
        SANDBOX.dacs().behave(Behaviour.normal("enroll").withStatusAfter(1, 503));

        JsonNode ack = ack(post(PATH, sample("enrollment-request.json")));

        assertThat(ack.get("ackType").asText()).isEqualTo("FAILURE");
        assertThat(codes(ack)).containsExactlyInAnyOrder("SUCCESS", "FAILURE");
        assertNoMailWithin(Duration.ofSeconds(2));
    }

    @Test
    void aDacsThatDoesNotAnswerInTimeMakesTheEntriesFailureAndSendsOneMail() throws Exception {
        SANDBOX.dacs().behave(Behaviour.normal("enroll").withNoAnswer());

        JsonNode ack = ack(post(PATH, sample("enrollment-request.json")));

        assertThat(ack.get("ackType").asText()).isEqualTo("FAILURE");
        assertThat(ack.at("/responses/response/0/value").asText()).isEqualTo("DACS did not answer: timed out");
        assertThat(theOnlyMail().body()).contains("every request failed technically");
    }

    @Test
    void theExecutionIsRecordedWithItsTrackingIdCountsAndMessageIds() throws Exception {
        SANDBOX.dacs().behave(Behaviour.normal("enroll").withBusinessErrorFor(FIRST));

        HttpResponse<String> response = post(PATH, sample("enrollment-request.json"));

        String trackingId = response.headers().firstValue("X-Tracking-Id").orElseThrow();
        ExecutionRecord record = records.find(trackingId).orElseThrow();
        assertThat(record.flow()).isEqualTo(Flow.ENROLLMENT_REQUEST.routeId());
        assertThat(record.vendorId()).isEqualTo("OUTL-BA-DRMS_DACS_ENROLLRQ");
        assertThat(record.status()).isEqualTo(ExecutionStatus.ERROR);
        assertThat(record.recordCount()).isEqualTo(2);
        assertThat(record.successCount()).isEqualTo(1);
        assertThat(record.errorCount()).isEqualTo(1);
        assertThat(record.businessIds()).isEqualTo(FIRST + ", " + SECOND);
        assertThat(record.error())
                .isEqualTo("1 of 2 request(s) refused by DACS or not mapped (business errors, no e-mail)");
        assertThat(record.endedAt()).isAfterOrEqualTo(record.startedAt());
    }

    @Test
    void theVendorPathsServeTheSameFlow() throws Exception {
        List<String> paths = List.of(
                "/ic/api/integration/v2/flows/oracleutilities/project/OUTL-BA-DACS_DERMS/OUTL-BA-DRMS_DACS_ENROLLRQ"
                        + "/1.0/enroll-to-dacs",
                "/ic/api/integration/v1/flows/oracleutilities/OUTL-BA-DRMS_DACS_ENROLLRQ/1.0/enroll-to-dacs",
                "/ic/api/integration/v1/flows/rest/OUTL-BA-DRMS_DACS_ENROLLRQ/1.0/enroll-to-dacs");

        for (String path : paths) {
            assertThat(ack(post(path, sample("enrollment-request.json")))
                            .get("ackType")
                            .asText())
                    .as(path)
                    .isEqualTo("SUCCESS");
        }
        assertThat(SANDBOX.dacs().journal("enroll")).hasSize(6);
    }

    @Test
    void anEditedAssetTypeLookupChangesTheNextRequestsMapping() throws Exception {
        post(PATH, sample("enrollment-request.json"));
        assertThat(dacsBodyFor(FIRST).at("/assetInfo/assetList/0/assetType").asText())
                .isEqualTo("X1TSTAT");
        SANDBOX.dacs().reset();

        editLookup("AssetType", "THERMOSTAT", "X1SMARTTSTAT");
        post(PATH, sample("enrollment-request.json"));

        assertThat(dacsBodyFor(FIRST).at("/assetInfo/assetList/0/assetType").asText())
                .isEqualTo("X1SMARTTSTAT");
    }

    @Test
    void anAssetTypeMissingFromTheLookupIsAnErrorNamingTableAndKeyAndIsNotSent() throws Exception {
        String batch = sample("enrollment-request.json").replace("\"WATER_HEATER\"", "\"POOL_PUMP\"");

        JsonNode ack = ack(post(PATH, batch));

        assertThat(codes(ack)).containsExactly("SUCCESS", "ERROR");
        assertThat(ack.at("/responses/response/1/value").asText())
                .isEqualTo("not sent: lookup OUTL-BRT-DACS_DRMS_AssetType has no entry for 'POOL_PUMP'");
        assertThat(SANDBOX.dacs().journal("enroll")).hasSize(1);
    }

    @Test
    void anEnrollmentStatusLookupValueThatIsNoResponseCodeKeepsTheDacsIdAndNamesTheTable() throws Exception {
        editLookup("EnrollmentStatus", "PENDING", "OK");

        JsonNode ack = ack(post(PATH, sample("enrollment-request.json")));

        assertThat(codes(ack)).containsExactly("ERROR", "ERROR");
        assertThat(ack.at("/responses/response/0/value").asText())
                .matches("enrollment 3000\\d{8} created in DACS, but lookup OUTL-BRT-DACS_DRMS_EnrollmentStatus maps "
                        + "'PENDING' to 'OK', which is not SUCCESS, ERROR or FAILURE");
    }

    private JsonNode ack(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).get("MsgAck");
    }

    private static List<String> codes(JsonNode ack) {
        return ack.at("/responses/response").findValuesAsText("responseCode");
    }

    private JsonNode dacsBodyFor(String messageId) throws Exception {
        for (SimRequest request : SANDBOX.dacs().journal("enroll")) {
            JsonNode body = json.readTree(request.body());
            if (messageId.equals(body.get("transactionId").asText())) {
                return body;
            }
        }
        throw new AssertionError("DACS received no enrollment " + messageId);
    }
}
