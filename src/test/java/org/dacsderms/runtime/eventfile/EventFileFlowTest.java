package org.dacsderms.runtime.eventfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
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
import org.springframework.beans.factory.annotation.Value;

class EventFileFlowTest extends RuntimeTestSupport {

    private static final String RESERVATION = "/event-reservation-to-dacs";
    private static final String OUTCOME = "/event-outcome-to-dacs";
    private static final String OUTCOME_HEADER = "recordId,eventId,nicId,headEndSystemId,outcome,"
            + "participationStartDateTime,participationEndDateTime,errorMessage\n";
    private static final String TECHNICAL = "integration-support@utility.example";
    private static final String BUSINESS = "dr-operations@utility.example";

    @Autowired
    private ObjectMapper json;

    @Autowired
    private ExecutionRecords records;

    @Autowired
    private StagedFiles staged;

    @Value("${runtime.data-directory}")
    private Path dataDirectory;

    @Test
    void theSampleReservationFileBecomesThreeCallsOf200And200And50WithEveryValueIntact() throws Exception {
        HttpResponse<String> response = upload(RESERVATION, reservationUpload(sample("event-reservation.csv")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String trackingId = trackingIdOf(response);
        assertThat(json.readTree(response.body()).get("trackingId").asText()).isEqualTo(trackingId);
        JsonNode ack = awaitAck("event-reservation-ack", trackingId);
        assertThat(ack.at("/MsgAck/ackType").asText()).isEqualTo("SUCCESS");
        assertThat(ack.at("/MsgAck/responses/response")).isEmpty();
        assertThat(ack.get("recordCount").asLong()).isEqualTo(450);
        assertThat(ack.get("sentCount").asLong()).isEqualTo(450);
        assertThat(ack.get("rejectedCount").asLong()).isZero();
        assertThat(ack.get("messageId").asText()).isEqualTo("RSV-20260630-0042");
        assertThat(ack.get("eventId").asText()).isEqualTo("EVT-2026-0701-A");
        List<JsonNode> calls = dacsCalls("reserveDevice");
        assertThat(calls).extracting(call -> call.get("deviceList").size()).containsExactlyInAnyOrder(200, 200, 50);
        for (JsonNode call : calls) {
            assertThat(call.get("eventExternalIdentifier").asText()).isEqualTo("EVT-2026-0701-A");
            assertThat(call.get("eventType").asText()).isEqualTo("X1EC");
            assertThat(call.get("eventStartDateTime").asText()).isEqualTo("2026-07-01T20:00:00Z");
            assertThat(call.get("eventEndDateTime").asText()).isEqualTo("2026-07-01T22:00:00Z");
        }
        List<String> sent = devices(calls, "deviceList").stream()
                .map(d -> String.join(
                        "|",
                        d.get("nicId").asText(),
                        d.get("headEndSystem").asText(),
                        d.path("reservationStartDateTime").asText(""),
                        d.path("reservationEndDateTime").asText("")))
                .toList();
        List<String> expected = rows(sample("event-reservation.csv")).stream()
                .map(r -> String.join(
                        "|",
                        r.get("nicId"),
                        r.get("headEndSystemId"),
                        r.get("reservationStartDateTime"),
                        r.get("reservationEndDateTime")))
                .toList();
        assertThat(sent).containsExactlyInAnyOrderElementsOf(expected);
        Mailbox.Mail mail = awaitMail(trackingId, BUSINESS);
        assertThat(mail.subject()).contains("Event Device Reservation", "process complete", trackingId);
        assertThat(mail.body()).contains("450 read, 450 sent, 0 rejected", "event-reservation.csv");
    }

    @Test
    void theSampleOutcomeFileKeepsQuotedCommasQuotesAndLineBreaksAndMapsOutcomeCodes() throws Exception {
        String trackingId = trackingIdOf(upload(OUTCOME, outcomeUpload(sample("event-outcome.csv"))));

        JsonNode ack = awaitAck("event-outcome-ack", trackingId);
        assertThat(ack.at("/MsgAck/ackType").asText()).isEqualTo("SUCCESS");
        assertThat(ack.get("recordCount").asLong()).isEqualTo(450);
        List<JsonNode> calls = dacsCalls("postEventOutcome");
        assertThat(calls).extracting(c -> c.get("postOutcomeList").size()).containsExactlyInAnyOrder(200, 200, 50);
        List<String> sent = devices(calls, "postOutcomeList").stream()
                .map(o -> String.join(
                        "|",
                        o.get("eventExternalIdentifier").asText(),
                        o.get("nicId").asText(),
                        o.get("headEndSystem").asText(),
                        o.get("outcome").asText(),
                        o.path("participationStartDateTime").asText(""),
                        o.path("participationEndDateTime").asText(""),
                        o.path("errorMessage").asText("")))
                .toList();
        List<String> expected = rows(sample("event-outcome.csv")).stream()
                .map(r -> String.join(
                        "|",
                        r.get("eventId"),
                        r.get("nicId"),
                        r.get("headEndSystemId"),
                        code(r.get("outcome")),
                        r.get("participationStartDateTime"),
                        r.get("participationEndDateTime"),
                        r.get("errorMessage")))
                .toList();
        assertThat(sent).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(sent).anyMatch(s -> s.endsWith("|No telemetry after dispatch;\nlast seen 19:41Z"));
        assertThat(sent).anyMatch(s -> s.endsWith("|Head-end rejected the control signal, code \"E42\""));
    }

    @Test
    void oneFailingSegmentOfFiveGivesANegativeAckNamingItsRangeWhileTheOtherFourAreDelivered() throws Exception {
        SANDBOX.dacs().behave(Behaviour.normal("postEventOutcome").withBusinessErrorFor("NIC-450"));

        String trackingId = trackingIdOf(upload(OUTCOME, outcomeUpload(outcomeRows(1000))));

        JsonNode ack = awaitAck("event-outcome-ack", trackingId);
        assertThat(ack.at("/MsgAck/ackType").asText()).isEqualTo("FAILURE");
        JsonNode failed = ack.at("/MsgAck/responses/response");
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).get("id").asText()).isEqualTo("segment-3");
        assertThat(failed.get(0).get("value").asText()).isEqualTo("records 401-600");
        assertThat(failed.get(0).get("responseCode").asText()).isEqualTo("ERROR");
        assertThat(ack.get("recordCount").asLong()).isEqualTo(1000);
        assertThat(ack.get("sentCount").asLong()).isEqualTo(800);
        assertThat(ack.get("failedSegmentCount").asLong()).isEqualTo(1);
        assertThat(ack.get("errorText").asText()).contains("segment-3 records 401-600", "200 record(s) not sent");
        List<JsonNode> delivered = new ArrayList<>();
        for (SimRequest call : SANDBOX.dacs().journal("postEventOutcome")) {
            JsonNode body = json.readTree(call.body());
            if (!call.body().contains("\"NIC-450\"")) {
                delivered.add(body);
            }
        }
        assertThat(delivered).hasSize(4);
        assertThat(devices(delivered, "postOutcomeList"))
                .extracting(o -> o.get("nicId").asText())
                .hasSize(800)
                .doesNotContain("NIC-401", "NIC-600")
                .contains("NIC-1", "NIC-400", "NIC-601", "NIC-1000");
        Mailbox.Mail error = awaitMail(trackingId, TECHNICAL);
        assertThat(error.subject()).contains("Event Outcome", "OUTL-BA-DRMS_DACS_EVT_OUTC_TRNFR", "failed");
        assertThat(error.body()).contains("segment-3 records 401-600");
        Mailbox.Mail process = awaitMail(trackingId, BUSINESS);
        assertThat(process.subject()).contains("process complete - error");
        assertThat(process.body()).contains("segment-3, records 401-600: DACS answered HTTP 400");
    }

    @Test
    void aFailingDacsHealthCheckGivesANegativeAckAnErrorMailAndNoDacsCall() throws Exception {
        SANDBOX.dacs().behave(Behaviour.normal("health").withStatus(503));

        String trackingId = trackingIdOf(upload(RESERVATION, reservationUpload(sample("event-reservation.csv"))));

        JsonNode ack = awaitAck("event-reservation-ack", trackingId);
        assertThat(ack.at("/MsgAck/ackType").asText()).isEqualTo("FAILURE");
        assertThat(ack.get("errorText").asText()).contains("DACS health check answered HTTP 503");
        assertThat(ack.get("sentCount").asLong()).isZero();
        assertThat(SANDBOX.dacs().journal("reserveDevice")).isEmpty();
        assertThat(awaitMail(trackingId, TECHNICAL).body()).contains("DACS health check answered HTTP 503");
        assertThat(records.find(trackingId).orElseThrow().status()).isEqualTo(ExecutionStatus.FAILURE);
    }

    @Test
    void rowsThatCannotBeMappedAreReportedWithRecordIdLineAndReasonAndNotSent() throws Exception {
        String file = OUTCOME_HEADER
                + "1,EVT-1,NIC-1,ECOBEE,SUCCESS,2026-07-01T20:00:00Z,2026-07-01T22:00:00Z,\n"
                + "2,EVT-1,,ECOBEE,SUCCESS,,,\n"
                + "3,EVT-1,NIC-3,ECOBEE,SUCCESS,2026-07-01 20h,,\n"
                + "4,EVT-1,NIC-4,ECOBEE,MAYBE,,,\"two\nlines\"\n"
                + "5,EVT-1,NIC-5,ECOBEE,OVERRIDE,,,\n";

        String trackingId = trackingIdOf(upload(OUTCOME, outcomeUpload(file)));

        JsonNode ack = awaitAck("event-outcome-ack", trackingId);
        assertThat(ack.at("/MsgAck/ackType").asText()).isEqualTo("ERROR");
        assertThat(ack.get("recordCount").asLong()).isEqualTo(5);
        assertThat(ack.get("sentCount").asLong()).isEqualTo(2);
        assertThat(ack.get("rejectedCount").asLong()).isEqualTo(3);
        assertThat(json.writeValueAsString(ack.get("rejectedRecords")))
                .isEqualTo(json.writeValueAsString(json.readTree("[{\"recordId\":\"2\",\"line\":3,"
                        + "\"reason\":\"nicId is missing\"},{\"recordId\":\"3\",\"line\":4,\"reason\":"
                        + "\"participationStartDateTime '2026-07-01 20h' is not an ISO-8601 date-time\"},"
                        + "{\"recordId\":\"4\",\"line\":5,\"reason\":\"outcome 'MAYBE' has no entry in lookup "
                        + "OUTL-BRT-DACS_DRMS_EventOutcome\"}]")));
        assertThat(devices(dacsCalls("postEventOutcome"), "postOutcomeList"))
                .extracting(
                        o -> o.get("nicId").asText() + "=" + o.get("outcome").asText())
                .containsExactly("NIC-1=D1SP", "NIC-5=D1IO");
        assertThat(awaitMail(trackingId, BUSINESS).body())
                .contains("record 4 (line 5): outcome 'MAYBE' has no entry in lookup");
    }

    @Test
    void anEmptyFileGivesANegativeAckAndBothMails() throws Exception {
        String trackingId = trackingIdOf(upload(OUTCOME, outcomeUpload("")));

        JsonNode ack = awaitAck("event-outcome-ack", trackingId);
        assertThat(ack.at("/MsgAck/ackType").asText()).isEqualTo("FAILURE");
        assertThat(ack.get("errorText").asText()).isEqualTo("the file holds no records");
        assertThat(awaitMail(trackingId, TECHNICAL).body()).contains("the file holds no records");
        assertThat(awaitMail(trackingId, BUSINESS).subject()).contains("process complete - error");
    }

    @Test
    void eachFileHasAnExecutionRecordWithCountsAndItsStagedFileIsRemovedOnceAcknowledged() throws Exception {
        String trackingId = trackingIdOf(upload(OUTCOME, outcomeUpload(outcomeRows(250))));

        awaitAck("event-outcome-ack", trackingId);
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        records.find(trackingId).map(ExecutionRecord::endedAt).isPresent());
        ExecutionRecord record = records.find(trackingId).orElseThrow();
        assertThat(record.flow()).isEqualTo(Flow.EVENT_OUTCOME.routeId());
        assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(record.recordCount()).isEqualTo(250);
        assertThat(record.successCount()).isEqualTo(250);
        assertThat(record.errorCount()).isZero();
        assertThat(record.businessIds()).isEqualTo("messageId=OUT-20260702-0003, file=outcome.csv");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !Files.exists(staging().resolve(trackingId + ".csv")));
    }

    @Test
    void segmentSizeAndParallelismComeFromTheLookupAndNoMoreSegmentsThanThatAreInFlight() throws Exception {
        editLookup("ConfigProps", "event.file.segment.size", "50");
        editLookup("ConfigProps", "event.file.segment.parallelism", "2");
        long delay = 300;
        SANDBOX.dacs().behave(Behaviour.normal("postEventOutcome").withDelay(delay));

        String trackingId = trackingIdOf(upload(OUTCOME, outcomeUpload(outcomeRows(600))));

        assertThat(awaitAck("event-outcome-ack", trackingId).get("sentCount").asLong())
                .isEqualTo(600);
        List<SimRequest> calls = SANDBOX.dacs().journal("postEventOutcome");
        assertThat(calls).hasSize(12);
        assertThat(dacsCalls("postEventOutcome"))
                .allMatch(call -> call.get("postOutcomeList").size() == 50);
        // A call is answered `delay` ms after it arrives; calls arriving closer together than that overlapped.
        int mostInFlight = 0;
        for (SimRequest call : calls) {
            long overlapping = calls.stream()
                    .filter(other -> !other.receivedAt().isBefore(call.receivedAt())
                            && other.receivedAt().isBefore(call.receivedAt().plusMillis(delay - 100)))
                    .count();
            mostInFlight = Math.max(mostInFlight, (int) overlapping);
        }
        assertThat(mostInFlight).isEqualTo(2);
    }

    @Test
    void aDermsThatRefusesTheAckLeavesTheFileStagedForTheNextStartAndTellsTheOperator() throws Exception {
        SANDBOX.derms("nms1").behave(Behaviour.normal("event-outcome-ack").withStatus(503));

        String trackingId = trackingIdOf(upload(OUTCOME, outcomeUpload(outcomeRows(10))));

        Mailbox.Mail error = awaitMail(trackingId, TECHNICAL);
        assertThat(error.body()).contains("DERMS nms1 answered HTTP 503 to the acknowledgment");
        assertThat(staged.status(trackingId)).isEqualTo(StagedFiles.ACCEPTED);
        assertThat(staging().resolve(trackingId + ".csv")).exists();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> records.find(trackingId).orElseThrow().status() == ExecutionStatus.FAILURE);
    }

    @Test
    void theAckGoesToTheDermsInstanceTheRoutingLookupNamesForTheMessage() throws Exception {
        Multipart upload = new Multipart()
                .json("message", "{\"drmsInstanceId\":\"NMS2\",\"messageId\":\"OUT-NMS2-1\"}")
                .csv("outcome.csv", outcomeRows(5));

        String trackingId = trackingIdOf(upload(OUTCOME, upload));

        assertThat(awaitAck("nms2", "event-outcome-ack", trackingId)
                        .get("messageId")
                        .asText())
                .isEqualTo("OUT-NMS2-1");
        assertThat(SANDBOX.derms("nms1").journal("event-outcome-ack")).isEmpty();
    }

    @Test
    void theVendorPathsServeTheSameFlows() throws Exception {
        String base = "/ic/api/integration/v1/flows/rest/";

        String reservation = trackingIdOf(upload(
                base + "OUTL_BA_DRMS_DACS_EVT_DVCRESV/1.0/reserveDevice",
                reservationUpload(sample("event-reservation.csv"))));
        String outcome = trackingIdOf(
                upload(base + "OUTL-BA-DRMS_DACS_EVT_OUTC_TRNFR/1.0/eventOutcome", outcomeUpload(outcomeRows(3))));

        assertThat(awaitAck("event-reservation-ack", reservation)
                        .get("sentCount")
                        .asLong())
                .isEqualTo(450);
        assertThat(awaitAck("event-outcome-ack", outcome).get("sentCount").asLong())
                .isEqualTo(3);
    }

    @Test
    void aMissingPartABrokenMessageAndANonCsvFileAreRefusedWith400AndNothingIsStaged() throws Exception {
        String csv = sample("event-outcome.csv");
        List<Multipart> bad = List.of(
                new Multipart().json("message", sample("event-outcome-message.json")),
                new Multipart().csv("outcome.csv", csv),
                new Multipart().json("message", "{\"messageId\": ").csv("outcome.csv", csv),
                new Multipart()
                        .json("message", "{\"drmsInstanceId\":\"NMS9\",\"messageId\":\"M\"}")
                        .csv("o.csv", csv),
                new Multipart()
                        .json("message", "{\"drmsInstanceId\":\"NMS1\",\"messageId\":\"" + "M".repeat(201) + "\"}")
                        .csv("o.csv", csv),
                new Multipart()
                        .json(
                                "message",
                                "{\"drmsInstanceId\":\"NMS1\",\"messageId\":\"M\\r\\nBcc: x@elsewhere.example\"}")
                        .csv("o.csv", csv),
                new Multipart()
                        .json("message", sample("event-outcome-message.json"))
                        .file("file", "photo.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}),
                new Multipart()
                        .json("message", sample("event-outcome-message.json"))
                        .csv("other.csv", "a,b\n1,2\n"));

        for (Multipart upload : bad) {
            HttpResponse<String> response = upload(OUTCOME, upload);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            JsonNode error = json.readTree(response.body());
            assertThat(error.get("code").asText()).isEqualTo("INVALID_PAYLOAD");
            assertThat(error.get("trackingId").asText()).isEqualTo(trackingIdOf(response));
            assertThat(records.find(trackingIdOf(response)).orElseThrow().status())
                    .isEqualTo(ExecutionStatus.REJECTED);
        }
        HttpResponse<String> plain = post(OUTCOME, "{}");
        assertThat(plain.statusCode()).isEqualTo(400);
        assertThat(SANDBOX.dacs().journal("postEventOutcome")).isEmpty();
        assertThat(filesIn(uploads())).isEmpty();
    }

    @Test
    void anUploadOverTheConfiguredSizeIsRefusedWith413AndLeavesNoTemporaryFile() throws Exception {
        Multipart big = outcomeUpload(outcomeRows(20_000));
        assertThat(big.bytes().length).isGreaterThan(1024 * 1024 + 100_000);

        HttpResponse<String> sized = upload(OUTCOME, big);
        HttpResponse<String> chunked = send(
                request(OUTCOME)
                        .header("Content-Type", big.contentType())
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.bytes()))),
                true);

        for (HttpResponse<String> response : List.of(sized, chunked)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
            assertThat(json.readTree(response.body()).get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        }
        assertThat(filesIn(uploads())).isEmpty();
        assertThat(SANDBOX.dacs().journal("postEventOutcome")).isEmpty();
    }

    private HttpResponse<String> upload(String path, Multipart multipart) {
        return send(
                request(path)
                        .header("Content-Type", multipart.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.bytes())),
                true);
    }

    private static Multipart reservationUpload(String csv) {
        return new Multipart()
                .json("message", sample("event-reservation-message.json"))
                .csv("event-reservation.csv", csv);
    }

    private static Multipart outcomeUpload(String csv) {
        return new Multipart()
                .json("message", sample("event-outcome-message.json"))
                .csv("outcome.csv", csv);
    }

    static String outcomeRows(int count) {
        StringBuilder file = new StringBuilder(OUTCOME_HEADER);
        for (int i = 1; i <= count; i++) {
            file.append(i)
                    .append(",EVT-1,NIC-")
                    .append(i)
                    .append(",ECOBEE,SUCCESS,2026-07-01T20:00:00Z,2026-07-01T22:00:00Z,\n");
        }
        return file.toString();
    }

    private JsonNode awaitAck(String endpoint, String trackingId) throws IOException {
        return awaitAck("nms1", endpoint, trackingId);
    }

    private JsonNode awaitAck(String instance, String endpoint, String trackingId) throws IOException {
        await().atMost(Duration.ofSeconds(30)).until(() -> ackFor(instance, endpoint, trackingId) != null);
        return ackFor(instance, endpoint, trackingId);
    }

    private JsonNode ackFor(String instance, String endpoint, String trackingId) throws IOException {
        for (SimRequest request : SANDBOX.derms(instance).journal(endpoint)) {
            JsonNode ack = json.readTree(request.body());
            if (trackingId.equals(ack.path("trackingId").asText())) {
                return ack;
            }
        }
        return null;
    }

    private List<JsonNode> dacsCalls(String endpoint) throws IOException {
        List<JsonNode> calls = new ArrayList<>();
        for (SimRequest request : SANDBOX.dacs().journal(endpoint)) {
            calls.add(json.readTree(request.body()));
        }
        return calls;
    }

    private static List<JsonNode> devices(List<JsonNode> calls, String list) {
        List<JsonNode> devices = new ArrayList<>();
        calls.forEach(call -> call.get(list).forEach(devices::add));
        return devices;
    }

    private static List<CSVRecord> rows(String csv) throws IOException {
        return CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))
                .getRecords();
    }

    private static String code(String outcome) {
        return switch (outcome) {
            case "SUCCESS" -> "D1SP";
            case "OVERRIDE" -> "D1IO";
            case "NON_RESPONSIVE" -> "D1ND";
            case "REJECTED" -> "D1ER";
            case "CANCELLED" -> "D1CN";
            default -> throw new IllegalArgumentException(outcome);
        };
    }

    private static Mailbox.Mail awaitMail(String trackingId, String to) {
        await().atMost(Duration.ofSeconds(15)).until(() -> mailFor(trackingId, to) != null);
        return mailFor(trackingId, to);
    }

    private static Mailbox.Mail mailFor(String trackingId, String to) {
        return SANDBOX.mailbox().mails().stream()
                .filter(mail -> mail.subject().contains(trackingId) && mail.to().contains(to))
                .findFirst()
                .orElse(null);
    }

    private static String trackingIdOf(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isIn(202, 400, 413);
        return response.headers().firstValue("X-Tracking-Id").orElseThrow();
    }

    private Path staging() {
        return dataDirectory.resolve("event-files").resolve("staging");
    }

    private Path uploads() {
        return dataDirectory.resolve("event-files").resolve("uploads");
    }

    private static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
