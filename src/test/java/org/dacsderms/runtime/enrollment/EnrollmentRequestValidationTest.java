package org.dacsderms.runtime.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.dacsderms.runtime.platform.execution.ExecutionRecords;
import org.dacsderms.runtime.platform.execution.ExecutionStatus;
import org.dacsderms.runtime.support.RuntimeTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class EnrollmentRequestValidationTest extends RuntimeTestSupport {

    private static final String PATH = "/enroll-to-dacs";

    @Autowired
    private ObjectMapper json;

    @Autowired
    private ExecutionRecords records;

    @Test
    void aCallWithoutCredentialsIsRefusedWith401AndAJsonError() throws Exception {
        HttpResponse<String> response = send(
                request(PATH)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(sample("enrollment-request.json"))),
                false);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> v.startsWith("Basic"));
        assertThat(json.readTree(response.body()).get("code").asText()).isEqualTo("UNAUTHORIZED");
        assertThat(SANDBOX.dacs().journal(null)).isEmpty();
    }

    @Test
    void wrongCredentialsAreRefusedWith401() {
        HttpResponse<String> response = send(
                request(PATH)
                        .header("Authorization", "Basic aW50ZWdyYXRpb246d3Jvbmc=")
                        .POST(HttpRequest.BodyPublishers.ofString(sample("enrollment-request.json"))),
                false);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(SANDBOX.dacs().journal(null)).isEmpty();
    }

    @Test
    void malformedJsonIsRefusedWith400NamingWhereItBroke() throws Exception {
        HttpResponse<String> response = post(PATH, "{\"params\": [ {\"messageId\": \"ENR-1\" ");

        JsonNode error = error(response);
        assertThat(error.get("code").asText()).isEqualTo("INVALID_PAYLOAD");
        assertThat(error.get("message").asText())
                .startsWith("the body is not valid JSON for an enrollment batch at line 1");
        assertThat(error.get("trackingId").asText())
                .isEqualTo(response.headers().firstValue("X-Tracking-Id").orElseThrow());
        assertThat(SANDBOX.dacs().journal(null)).isEmpty();
    }

    @Test
    void aMissingRequiredFieldIsRefusedWith400NamingTheRequestAndTheField() throws Exception {
        String batch = sample("enrollment-request.json").replace("\"programCode\": \"BYOT-SUMMER\",", "");

        JsonNode error = error(post(PATH, batch));

        assertThat(error.get("message").asText())
                .isEqualTo("enrollment 1: programInfo.programCode is missing; "
                        + "enrollment 2: programInfo.programCode is missing");
        assertThat(SANDBOX.dacs().journal(null)).isEmpty();
    }

    @Test
    void anEmptyParamsArrayIsRefusedWith400() throws Exception {
        JsonNode error = error(post(PATH, "{\"params\": []}"));

        assertThat(error.get("message").asText()).isEqualTo("params is missing or empty");
        assertThat(SANDBOX.dacs().journal(null)).isEmpty();
    }

    @Test
    void aFieldLongerThanTheContractAllowsIsRefusedWith400() throws Exception {
        String batch = sample("enrollment-request.json").replace("\"4410092233\"", "\"" + "9".repeat(31) + "\"");

        JsonNode error = error(post(PATH, batch));

        assertThat(error.get("message").asText())
                .isEqualTo("enrollment 1: customerInfo.cisAccountId is longer than 30 characters");
    }

    @Test
    void aBringYourOwnDeviceWithoutNicIdIsRefusedWith400() throws Exception {
        String batch = sample("enrollment-request.json").replace("\"nicId\": \"ECB-44F1A3C9\",", "");

        JsonNode error = error(post(PATH, batch));

        assertThat(error.get("message").asText()).isEqualTo("enrollment 1: assetInfo.assetList[0].nicId is missing");
    }

    @Test
    void aRefusedBatchIsRecordedAsRejectedWithTheDefect() throws Exception {
        HttpResponse<String> response = post(PATH, "{\"params\": []}");

        String trackingId = response.headers().firstValue("X-Tracking-Id").orElseThrow();
        var record = records.find(trackingId).orElseThrow();
        assertThat(record.status()).isEqualTo(ExecutionStatus.REJECTED);
        assertThat(record.error()).isEqualTo("params is missing or empty");
    }

    @Test
    void aBodyOverTheSizeLimitIsRefusedWith413() throws Exception {
        String huge = "{\"params\": [\"" + "x".repeat(11 * 1024 * 1024) + "\"]}";

        HttpResponse<String> response = post(PATH, huge);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json.readTree(response.body()).get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(SANDBOX.dacs().journal(null)).isEmpty();
    }

    @Test
    void aChunkedBodyOverTheSizeLimitIsRefusedWith413() throws Exception {
        byte[] huge = ("{\"params\": [\"" + "x".repeat(11 * 1024 * 1024) + "\"]}").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = send(
                request(PATH)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))),
                true);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(SANDBOX.dacs().journal("enroll")).isEmpty();
    }

    @Test
    void aPercentEncodedPathGetsTheSameBodyChecks() throws Exception {
        byte[] huge = ("{\"params\": [\"" + "x".repeat(11 * 1024 * 1024) + "\"]}").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> tooLarge = send(
                request("/enroll%2Dto-dacs")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))),
                true);
        HttpResponse<String> notJson = send(
                request("/enroll%2Dto-dacs")
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString(sample("enrollment-request.json"))),
                true);

        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(notJson.statusCode()).isEqualTo(415);
        assertThat(SANDBOX.dacs().journal("enroll")).isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedWith415AndRecorded() throws Exception {
        HttpResponse<String> response = send(
                request(PATH)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(sample("enrollment-request.json"))),
                true);

        assertThat(response.statusCode()).isEqualTo(415);
        JsonNode error = json.readTree(response.body());
        assertThat(error.get("code").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        String trackingId = response.headers().firstValue("X-Tracking-Id").orElseThrow();
        assertThat(error.get("trackingId").asText()).isEqualTo(trackingId);
        assertThat(records.find(trackingId).orElseThrow().status()).isEqualTo(ExecutionStatus.REJECTED);
        assertThat(SANDBOX.dacs().journal("enroll")).isEmpty();
    }

    @Test
    void aBodyThatIsNotUtf8IsRefusedWith400AndSendsNoMail() throws Exception {
        byte[] latin1 =
                sample("enrollment-request.json").replace("Rivera", "Rivéra").getBytes(StandardCharsets.ISO_8859_1);

        HttpResponse<String> response = send(
                request(PATH)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(latin1)),
                true);

        assertThat(error(response).get("message").asText()).isEqualTo("the body is not UTF-8");
        assertThat(SANDBOX.dacs().journal("enroll")).isEmpty();
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(2))
                .until(() -> SANDBOX.mailbox().mails().isEmpty());
    }

    @Test
    void aNumberWhereTheContractHasTextIsRefusedWith400NamingTheField() throws Exception {
        String batch = sample("enrollment-request.json").replace("\"ENR-20260601-0001\"", "12345");

        JsonNode error = error(post(PATH, batch));

        assertThat(error.get("message").asText())
                .startsWith(
                        "the body is not valid JSON for an enrollment batch: params[0].messageId has the wrong type");
    }

    @Test
    void anythingAfterTheJsonDocumentIsRefusedWith400() throws Exception {
        JsonNode error = error(post(PATH, sample("enrollment-request.json") + " xyz"));

        assertThat(error.get("message").asText()).startsWith("the body is not valid JSON for an enrollment batch");
        assertThat(SANDBOX.dacs().journal("enroll")).isEmpty();
    }

    @Test
    void aHugeValueIsNotEchoedWholeInTheError() throws Exception {
        String batch = sample("enrollment-request.json").replace("2026-06-01T05:00:00.000Z", "x".repeat(100_000));

        HttpResponse<String> response = post(PATH, batch);

        assertThat(error(response).get("message").asText()).contains("startDateTimeISO is not an ISO-8601 date-time");
        assertThat(response.body().length()).isLessThan(2_000);
    }

    private JsonNode error(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        return json.readTree(response.body());
    }
}
