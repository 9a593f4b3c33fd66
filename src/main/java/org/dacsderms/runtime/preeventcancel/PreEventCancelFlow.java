package org.dacsderms.runtime.preeventcancel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.apache.camel.Exchange;
import org.dacsderms.runtime.platform.execution.Execution;
import org.dacsderms.runtime.platform.execution.ExecutionStatus;
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
 * The steps of the Pre-Event Cancel flow ({@code routes/pre-event-cancel.yaml}): ask DACS to cancel the event's
 * reservations and answer DERMS with a MsgAck: SUCCESS on DACS 200; otherwise FAILURE with the reason (the DACS
 * problem detail when there is one), and the operator is mailed.
 */
@Component("preEventCancel")
public class PreEventCancelFlow {

    /** Exchange property: true when the operator must get an error e-mail. */
    public static final String NOTIFY_OPERATOR = "notifyOperator";

    static final String CANCEL_PATH = "/ccs/rest/apis/cross/service/programEventParticipation/preEventCancellation";

    private static final Logger LOG = LoggerFactory.getLogger(PreEventCancelFlow.class);

    private final ObjectMapper json;
    private final PeerClient dacs;
    private final Clock clock;

    public PreEventCancelFlow(ObjectMapper json, Peers peers, Clock clock) {
        this.json = json;
        this.dacs = peers.dacs();
        this.clock = clock;
    }

    public PreEventCancelMessage read(String body, Exchange exchange) {
        PreEventCancelMessage message = JsonBodies.readValid(
                json,
                body,
                PreEventCancelMessage.class,
                "a pre-event cancellation",
                PreEventCancelValidator::defectsOf);
        exchange.setProperty(Execution.BUSINESS_IDS, message.messageId() + ", event " + message.eventId());
        exchange.setProperty(Execution.RECORD_COUNT, 1);
        return message;
    }

    /** Cancels the event in DACS and returns the MsgAck for DERMS. */
    public String cancel(PreEventCancelMessage message, Exchange exchange) throws JsonProcessingException {
        String failure;
        try {
            PeerResponse answer =
                    dacs.postJson(CANCEL_PATH, json.writeValueAsString(DacsPreEventCancellation.of(message)));
            failure = answer.status() == 200 ? null : reason(answer);
        } catch (PeerUnavailableException e) {
            failure = e.getMessage();
        }
        MsgAck.Response response = failure == null ? cancelled(message, exchange) : failed(message, failure, exchange);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        return json.writeValueAsString(MsgAck.of(response.responseCode(), now(), List.of(response)));
    }

    private MsgAck.Response cancelled(PreEventCancelMessage message, Exchange exchange) {
        exchange.setProperty(Execution.STATUS, ExecutionStatus.SUCCESS);
        exchange.setProperty(Execution.SUCCESS_COUNT, 1);
        LOG.info("Event {} cancelled in DACS (message {})", message.eventId(), message.messageId());
        return new MsgAck.Response(message.messageId(), message.eventId(), AckType.SUCCESS, now(), null);
    }

    private MsgAck.Response failed(PreEventCancelMessage message, String reason, Exchange exchange) {
        exchange.setProperty(Execution.STATUS, ExecutionStatus.FAILURE);
        exchange.setProperty(Execution.ERROR_COUNT, 1);
        exchange.setProperty(Execution.ERROR, "event " + message.eventId() + " not cancelled: " + reason);
        exchange.setProperty(NOTIFY_OPERATOR, true);
        LOG.warn("Event {} not cancelled in DACS: {}", message.eventId(), reason);
        return new MsgAck.Response(message.messageId(), reason, AckType.FAILURE, now(), null);
    }

    private String reason(PeerResponse answer) {
        String detail = DacsProblem.read(answer.body(), json)
                .map(DacsProblem::detail)
                .map(text -> ": " + text)
                .orElse("");
        return "DACS answered HTTP " + answer.status() + detail;
    }

    private String now() {
        return DermsTime.format(Instant.now(clock));
    }
}
