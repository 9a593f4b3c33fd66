package org.dacsderms.runtime.enrollment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.dacsderms.runtime.platform.execution.Execution;
import org.dacsderms.runtime.platform.execution.ExecutionStatus;
import org.dacsderms.runtime.platform.lookup.LookupTables;
import org.dacsderms.runtime.platform.lookup.MissingLookupException;
import org.dacsderms.runtime.platform.message.DermsTime;
import org.dacsderms.runtime.platform.message.MsgAck;
import org.dacsderms.runtime.platform.message.MsgAck.AckType;
import org.dacsderms.runtime.platform.peer.PeerClient;
import org.dacsderms.runtime.platform.peer.PeerResponse;
import org.dacsderms.runtime.platform.peer.PeerUnavailableException;
import org.dacsderms.runtime.platform.peer.Peers;
import org.dacsderms.runtime.platform.web.JsonBodies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The steps of the Enrollment Request flow ({@code routes/enrollment-request.yaml}): read and validate the batch,
 * enroll one request in DACS, and answer DERMS with one response per request, in input order.
 */
@Component("enrollmentRequest")
public class EnrollmentRequestFlow {

    /** Exchange property holding the {@link BatchBreaker} the parallel calls of one batch share. */
    public static final String BREAKER = "enrollmentBatchBreaker";

    /** Exchange property: true when the operator must be told (the batch could not go on). */
    public static final String NOTIFY_OPERATOR = "notifyOperator";

    static final String ENROLL_PATH = "/ccs/rest/apis/cross/digitalAssets/programEnrollments/enroll";
    static final String NOT_SENT = "not sent: DACS unavailable";

    private static final Logger LOG = LoggerFactory.getLogger(EnrollmentRequestFlow.class);

    private final ObjectMapper json;
    private final LookupTables lookups;
    private final PeerClient dacs;
    private final EnrollmentRequestProperties properties;
    private final Clock clock;

    public EnrollmentRequestFlow(
            ObjectMapper json, LookupTables lookups, Peers peers, EnrollmentRequestProperties properties, Clock clock) {
        this.json = json;
        this.lookups = lookups;
        this.dacs = peers.dacs();
        this.properties = properties;
        this.clock = clock;
    }

    /** One request of the batch and its position in it. */
    public record Call(int index, EnrollmentBatch.Request request) {}

    /** The response entry of one request, with its position, so the answer keeps the input order. */
    public record Entry(int index, MsgAck.Response response, boolean technical, boolean sent) {}

    public List<Call> readBatch(String body, Exchange exchange) {
        EnrollmentBatch batch = JsonBodies.readValid(
                json, body, EnrollmentBatch.class, "an enrollment batch", EnrollmentValidator::defectsOf);
        List<EnrollmentBatch.Request> requests = batch.params();
        exchange.setProperty(
                Execution.BUSINESS_IDS,
                requests.stream().map(EnrollmentBatch.Request::messageId).collect(Collectors.joining(", ")));
        exchange.setProperty(Execution.RECORD_COUNT, requests.size());
        exchange.setProperty(BREAKER, new BatchBreaker(properties.maxConsecutiveFailures()));
        LOG.info("Enrollment batch of {} request(s) received", requests.size());
        return java.util.stream.IntStream.range(0, requests.size())
                .mapToObj(i -> new Call(i, requests.get(i)))
                .toList();
    }

    public Entry enroll(Call call, @ExchangeProperty(BREAKER) BatchBreaker breaker) {
        String messageId = call.request().messageId();
        if (breaker.isOpen()) {
            return entry(call, AckType.FAILURE, NOT_SENT, true, false);
        }
        String body;
        try {
            body = json.writeValueAsString(new EnrollmentMapper(lookups).toDacs(call.request()));
        } catch (MissingLookupException | JsonProcessingException e) {
            LOG.warn("Enrollment {} not sent: {}", messageId, e.getMessage());
            return entry(call, AckType.ERROR, "not sent: " + e.getMessage(), false, false);
        }
        try {
            PeerResponse response = dacs.postJson(ENROLL_PATH, body);
            DacsEnrollAnswer.Verdict verdict = DacsEnrollAnswer.read(response, json, lookups);
            if (verdict.technical()) {
                breaker.failed();
            } else {
                breaker.succeeded();
            }
            LOG.debug("Enrollment {}: DACS answered {}, {}", messageId, response.status(), verdict.code());
            return entry(call, verdict.code(), verdict.value(), verdict.technical(), true);
        } catch (PeerUnavailableException e) {
            breaker.failed(e);
            return entry(call, AckType.FAILURE, e.getMessage(), true, true);
        } catch (MissingLookupException e) {
            return entry(call, AckType.ERROR, "DACS answer not mapped: " + e.getMessage(), false, true);
        }
    }

    public String answer(List<Entry> entries, Exchange exchange) throws JsonProcessingException {
        List<Entry> ordered =
                entries.stream().sorted(Comparator.comparingInt(Entry::index)).toList();
        List<MsgAck.Response> responses = ordered.stream().map(Entry::response).toList();
        AckType ackType = AckType.worstOf(responses);
        BatchBreaker breaker = exchange.getProperty(BREAKER, BatchBreaker.class);
        boolean allFailed = ordered.stream().allMatch(Entry::technical);
        long failures = count(responses, AckType.FAILURE);
        long errors = count(responses, AckType.ERROR);
        exchange.setProperty(Execution.STATUS, ExecutionStatus.valueOf(ackType.name()));
        exchange.setProperty(Execution.SUCCESS_COUNT, (int) count(responses, AckType.SUCCESS));
        exchange.setProperty(Execution.ERROR_COUNT, (int) (failures + errors));
        if (ackType == AckType.ERROR) {
            exchange.setProperty(
                    Execution.ERROR,
                    errors + " of " + responses.size()
                            + " request(s) refused by DACS or not mapped (business errors, no e-mail)");
        }
        if (breaker.isOpen() || allFailed) {
            String reason = breaker.isOpen() ? breaker.openReason() : "every request failed technically";
            exchange.setProperty(NOTIFY_OPERATOR, true);
            exchange.setProperty(
                    Execution.ERROR,
                    "batch not completed: " + reason + "; " + failures + " of " + responses.size()
                            + " request(s) not enrolled, DERMS must resend");
        }
        LOG.info(
                "Enrollment batch answered {}: {} request(s), {} error(s), {} failure(s)",
                ackType,
                responses.size(),
                errors,
                failures);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        return json.writeValueAsString(MsgAck.of(ackType, now(), responses));
    }

    private Entry entry(Call call, AckType code, String value, boolean technical, boolean sent) {
        MsgAck.Response response = new MsgAck.Response(call.request().messageId(), value, code, now(), null);
        return new Entry(call.index(), response, technical, sent);
    }

    private String now() {
        return DermsTime.format(Instant.now(clock));
    }

    private static long count(List<MsgAck.Response> responses, AckType code) {
        return responses.stream().filter(r -> r.responseCode() == code).count();
    }
}
