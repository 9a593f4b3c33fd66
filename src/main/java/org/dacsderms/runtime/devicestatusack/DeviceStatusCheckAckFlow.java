package org.dacsderms.runtime.devicestatusack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.dacsderms.runtime.platform.execution.Execution;
import org.dacsderms.runtime.platform.execution.ExecutionStatus;
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
 * The steps of the Device Status Check Ack flow ({@code routes/device-status-check-ack.yaml}): pass DERMS's result
 * to DACS and answer DERMS with a MsgAck. DACS 200: the response entry carries DACS's {@code boStatus} as its code
 * and {@code communicationId} as its {@code dacsMessageId}. Any error status, an unreadable answer or no answer:
 * FAILURE, and the operator is mailed.
 */
@Component("deviceStatusCheckAck")
public class DeviceStatusCheckAckFlow {

    /** Exchange property: true when the operator must get an error e-mail. */
    public static final String NOTIFY_OPERATOR = "notifyOperator";

    static final String RESPONSE_PATH = "/ccs/rest/apis/cross/digitalAssets/controllableDeviceStatus/response";

    private static final Logger LOG = LoggerFactory.getLogger(DeviceStatusCheckAckFlow.class);

    private final ObjectMapper json;
    private final PeerClient dacs;
    private final Clock clock;

    public DeviceStatusCheckAckFlow(ObjectMapper json, Peers peers, Clock clock) {
        this.json = json;
        this.dacs = peers.dacs();
        this.clock = clock;
    }

    public StatusCheckAck read(String body, Exchange exchange) {
        StatusCheckAck ack = JsonBodies.readValid(
                json, body, StatusCheckAck.class, "a device status check result", StatusCheckAckValidator::defectsOf);
        exchange.setProperty(Execution.BUSINESS_IDS, ack.dacsMessageId());
        exchange.setProperty(Execution.RECORD_COUNT, 1);
        return ack;
    }

    /** Sends the result to DACS and returns the MsgAck for DERMS. */
    public String forward(StatusCheckAck ack, Exchange exchange) throws JsonProcessingException {
        MsgAck.Response response;
        try {
            PeerResponse answer = dacs.postJson(RESPONSE_PATH, json.writeValueAsString(DacsStatusResponse.of(ack)));
            Optional<DacsStatusAnswer> read =
                    answer.status() == 200 ? DacsStatusAnswer.read(answer.body(), json) : Optional.empty();
            response = read.isPresent()
                    ? accepted(ack, read.get(), exchange)
                    : failed(ack, "DACS answered HTTP " + answer.status() + describe(answer), exchange);
        } catch (PeerUnavailableException e) {
            response = failed(ack, e.getMessage(), exchange);
        }
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        return json.writeValueAsString(MsgAck.of(response.responseCode(), now(), List.of(response)));
    }

    private MsgAck.Response accepted(StatusCheckAck ack, DacsStatusAnswer answer, Exchange exchange) {
        AckType code = codeOf(answer.boStatus());
        boolean success = code == AckType.SUCCESS;
        exchange.setProperty(Execution.STATUS, success ? ExecutionStatus.SUCCESS : ExecutionStatus.ERROR);
        exchange.setProperty(success ? Execution.SUCCESS_COUNT : Execution.ERROR_COUNT, 1);
        LOG.info("Status check result {} sent to DACS: boStatus {}", ack.dacsMessageId(), answer.boStatus());
        String value = "DACS boStatus " + answer.boStatus();
        String dacsMessageId = answer.communicationId() == null ? ack.dacsMessageId() : answer.communicationId();
        return new MsgAck.Response(ack.dacsMessageId(), value, code, now(), dacsMessageId);
    }

    private MsgAck.Response failed(StatusCheckAck ack, String reason, Exchange exchange) {
        exchange.setProperty(Execution.STATUS, ExecutionStatus.FAILURE);
        exchange.setProperty(Execution.ERROR_COUNT, 1);
        exchange.setProperty(
                Execution.ERROR, "status check result " + ack.dacsMessageId() + " not delivered: " + reason);
        exchange.setProperty(NOTIFY_OPERATOR, true);
        LOG.warn("Status check result {} not delivered to DACS: {}", ack.dacsMessageId(), reason);
        return new MsgAck.Response(ack.dacsMessageId(), reason, AckType.FAILURE, now(), ack.dacsMessageId());
    }

    /** A {@code boStatus} DERMS does not know as a code is reported as ERROR, with the status in the value. */
    private static AckType codeOf(String boStatus) {
        return Arrays.stream(AckType.values())
                .filter(code -> code.name().equals(boStatus))
                .findFirst()
                .orElse(AckType.ERROR);
    }

    private static String describe(PeerResponse answer) {
        return answer.status() == 200 ? " without a boStatus" : "";
    }

    private String now() {
        return DermsTime.format(Instant.now(clock));
    }
}
