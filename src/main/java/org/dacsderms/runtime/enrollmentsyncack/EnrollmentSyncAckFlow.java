package org.dacsderms.runtime.enrollmentsyncack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.apache.camel.Exchange;
import org.dacsderms.runtime.platform.execution.Execution;
import org.dacsderms.runtime.platform.execution.ExecutionStatus;
import org.dacsderms.runtime.platform.lookup.LookupTables;
import org.dacsderms.runtime.platform.message.DacsProblem;
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
 * The steps of the Enrollment Sync Ack flow ({@code routes/enrollment-sync-ack.yaml}): store an ack to send later
 * (from Enrollment Sync, or from DERMS), answer DERMS, and send a due ack to DACS.
 */
@Component("enrollmentSyncAck")
public class EnrollmentSyncAckFlow {

    /** Exchange property: true when the operator must get an error e-mail. */
    public static final String NOTIFY_OPERATOR = "notifyOperator";

    static final String SYNC_REQUEST_PATH = "/ouaf/rest/apis/common/sync/syncRequest/";
    static final String DELAY_KEY = "enrollment.sync.ack.delay.seconds";
    static final String CATEGORY_KEY = "enrollment.sync.ack.exception.message.category";
    static final String NUMBER_KEY = "enrollment.sync.ack.exception.message.number";
    static final String ACKNOWLEDGED_KEY = "enrollment.sync.ack.already.acknowledged.message.number";

    private static final Logger LOG = LoggerFactory.getLogger(EnrollmentSyncAckFlow.class);
    private static final String CONFIG = "ConfigProps";
    private static final String SCHEDULED = "syncAckScheduled";

    private final ObjectMapper json;
    private final LookupTables lookups;
    private final PendingSyncAcks acks;
    private final PeerClient dacs;
    private final Clock clock;

    public EnrollmentSyncAckFlow(
            ObjectMapper json, LookupTables lookups, PendingSyncAcks acks, Peers peers, Clock clock) {
        this.json = json;
        this.lookups = lookups;
        this.acks = acks;
        this.dacs = peers.dacs();
        this.clock = clock;
    }

    /** What {@link #store} decided, for the answer to DERMS. */
    record Scheduled(String syncRequestId, Instant dueAt, PendingSyncAcks.Stored stored) {}

    /** Stores the ack to be sent after the configured delay; it is durable once this returns. */
    public void store(String body, Exchange exchange) throws JsonProcessingException {
        SyncAckMessage ack = JsonBodies.readValid(
                json, body, SyncAckMessage.class, "an enrollment sync ack", SyncAckValidator::defectsOf);
        if (exchange.getProperty(Execution.BUSINESS_IDS) == null) {
            exchange.setProperty(Execution.BUSINESS_IDS, ack.dacsMessageId());
        }
        SyncAckMapper mapper =
                new SyncAckMapper(lookups.number(CONFIG, CATEGORY_KEY), lookups.number(CONFIG, NUMBER_KEY));
        String patch = json.writeValueAsString(mapper.toDacs(ack));
        Instant now = clock.instant();
        Instant dueAt = now.plusSeconds(Math.max(0, lookups.number(CONFIG, DELAY_KEY)));
        String trackingId = exchange.getProperty(Execution.TRACKING_ID, String.class);
        PendingSyncAcks.Stored stored = acks.store(ack.dacsMessageId(), patch, trackingId, dueAt, now);
        exchange.setProperty(SCHEDULED, new Scheduled(ack.dacsMessageId(), dueAt, stored));
        LOG.info("Sync ack {} for sync request {} ({}), due at {}", ack.ackType(), ack.dacsMessageId(), stored, dueAt);
    }

    /** The answer to DERMS's {@code /sendEnrollAck}: a MsgAck SUCCESS saying when the ack goes to DACS. */
    public String answer(Exchange exchange) throws JsonProcessingException {
        Scheduled scheduled = exchange.getProperty(SCHEDULED, Scheduled.class);
        String value = scheduled.stored() == PendingSyncAcks.Stored.ALREADY_SENT
                ? "an ack for this sync request was already sent to DACS; not sent again"
                : "ack to DACS due at " + DermsTime.format(scheduled.dueAt());
        String now = DermsTime.format(clock.instant());
        MsgAck.Response response =
                new MsgAck.Response(scheduled.syncRequestId(), value, AckType.SUCCESS, now, scheduled.syncRequestId());
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        return json.writeValueAsString(MsgAck.of(AckType.SUCCESS, now, List.of(response)));
    }

    /** Sends one claimed ack; DACS answering 400 "already acknowledged" counts as done. */
    public void deliver(PendingSyncAck ack, Exchange exchange) {
        exchange.setProperty(Execution.BUSINESS_IDS, ack.syncRequestId());
        exchange.setProperty(Execution.RECORD_COUNT, 1);
        LOG.info(
                "Sending the sync ack of sync request {} (stored by {}, attempt {})",
                ack.syncRequestId(),
                ack.originTrackingId(),
                ack.attempts());
        try {
            PeerResponse response = dacs.patchJson(SYNC_REQUEST_PATH + ack.syncRequestId(), ack.patchBody());
            if (response.isOk()) {
                done(ack, exchange, "acknowledged, DACS answered HTTP " + response.status());
            } else if (alreadyAcknowledged(response)) {
                done(ack, exchange, "DACS had it acknowledged already");
            } else {
                failed(ack, exchange, "DACS answered HTTP " + response.status() + detail(response));
            }
        } catch (PeerUnavailableException e) {
            failed(ack, exchange, e.getMessage());
        }
    }

    private boolean alreadyAcknowledged(PeerResponse response) {
        if (response.status() != 400) {
            return false;
        }
        int acknowledged = lookups.number(CONFIG, ACKNOWLEDGED_KEY);
        return DacsProblem.read(response.body(), json)
                .map(problem -> problem.messageNumber() == acknowledged)
                .orElse(false);
    }

    private String detail(PeerResponse response) {
        return DacsProblem.read(response.body(), json)
                .map(problem -> ": " + problem.detail())
                .orElse("");
    }

    private void done(PendingSyncAck ack, Exchange exchange, String text) {
        acks.finish(ack.syncRequestId(), PendingSyncAcks.Outcome.DONE, text, clock.instant());
        exchange.setProperty(Execution.STATUS, ExecutionStatus.SUCCESS);
        exchange.setProperty(Execution.SUCCESS_COUNT, 1);
        LOG.info("Sync ack of sync request {} done: {}", ack.syncRequestId(), text);
    }

    private void failed(PendingSyncAck ack, Exchange exchange, String text) {
        String error = "sync ack of sync request " + ack.syncRequestId() + " not delivered: " + text;
        acks.finish(ack.syncRequestId(), PendingSyncAcks.Outcome.FAILED, text, clock.instant());
        exchange.setProperty(Execution.STATUS, ExecutionStatus.FAILURE);
        exchange.setProperty(Execution.ERROR_COUNT, 1);
        exchange.setProperty(Execution.ERROR, error);
        exchange.setProperty(NOTIFY_OPERATOR, true);
        LOG.warn("Sync ack of sync request {} failed: {}", ack.syncRequestId(), text);
    }
}
