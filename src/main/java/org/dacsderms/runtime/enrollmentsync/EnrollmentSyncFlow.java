package org.dacsderms.runtime.enrollmentsync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.apache.camel.Exchange;
import org.dacsderms.runtime.platform.execution.Execution;
import org.dacsderms.runtime.platform.execution.ExecutionStatus;
import org.dacsderms.runtime.platform.peer.PeerClient;
import org.dacsderms.runtime.platform.peer.PeerResponse;
import org.dacsderms.runtime.platform.peer.PeerStatusException;
import org.dacsderms.runtime.platform.peer.Peers;
import org.dacsderms.runtime.platform.web.JsonBodies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The steps of the Enrollment Sync flow ({@code routes/enrollment-sync.yaml}): read and validate the sync, call
 * DERMS {@code /enroll} on the instance the Routing lookup names for the division, and answer DACS. Anything but a
 * DERMS 200 with a MsgAck is thrown, so the flow's error policy answers DACS with a fault and mails the operator.
 */
@Component("enrollmentSync")
public class EnrollmentSyncFlow {

    static final String ENROLL_PATH = "/enroll";

    private static final Logger LOG = LoggerFactory.getLogger(EnrollmentSyncFlow.class);
    private static final String SYNC_REQUEST_ID = "syncRequestId";

    private final ObjectMapper json;
    private final Peers peers;

    public EnrollmentSyncFlow(ObjectMapper json, Peers peers) {
        this.json = json;
        this.peers = peers;
    }

    public EnrollmentSyncMessage.SendDetails read(String body, Exchange exchange) {
        EnrollmentSyncMessage message = JsonBodies.readValid(
                json, body, EnrollmentSyncMessage.class, "an enrollment sync", EnrollmentSyncValidator::defectsOf);
        EnrollmentSyncMessage.SendDetails sync = message.sendDetails();
        exchange.setProperty(SYNC_REQUEST_ID, sync.syncRequestId());
        exchange.setProperty(Execution.BUSINESS_IDS, sync.syncRequestId());
        exchange.setProperty(Execution.RECORD_COUNT, 1);
        return sync;
    }

    /** Calls DERMS; returns the ack message for the Enrollment Sync Ack flow, as JSON. */
    public String synchronize(EnrollmentSyncMessage.SendDetails sync, Exchange exchange)
            throws JsonProcessingException {
        PeerClient derms = peers.dermsFor(sync.locationInfo().division());
        String body = json.writeValueAsString(EnrollmentSyncMapper.toDerms(sync));
        PeerResponse response = derms.postJson(ENROLL_PATH, body);
        if (response.status() != 200) {
            throw PeerStatusException.answered(derms, response.status(), ENROLL_PATH);
        }
        SyncAckRequest ack = DermsSyncAnswer.read(sync.syncRequestId(), response.body(), json)
                .orElseThrow(() -> new PeerStatusException(
                        derms.name() + " answered HTTP 200 to " + ENROLL_PATH + " without a MsgAck ackType"));
        boolean accepted = "SUCCESS".equals(ack.ackType());
        exchange.setProperty(Execution.STATUS, accepted ? ExecutionStatus.SUCCESS : ExecutionStatus.ERROR);
        exchange.setProperty(accepted ? Execution.SUCCESS_COUNT : Execution.ERROR_COUNT, 1);
        LOG.info("Sync request {} sent to {}: {}", sync.syncRequestId(), derms.name(), ack.ackType());
        return json.writeValueAsString(ack);
    }

    /** The answer to DACS: {@code {"externalId": "<syncRequestId>"}}. */
    public String answer(Exchange exchange) throws JsonProcessingException {
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        return json.writeValueAsString(Map.of("externalId", exchange.getProperty(SYNC_REQUEST_ID, String.class)));
    }
}
