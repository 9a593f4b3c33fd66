package org.dacsderms.runtime.devicestatus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.apache.camel.Exchange;
import org.dacsderms.runtime.platform.execution.Execution;
import org.dacsderms.runtime.platform.peer.PeerClient;
import org.dacsderms.runtime.platform.peer.PeerResponse;
import org.dacsderms.runtime.platform.peer.PeerStatusException;
import org.dacsderms.runtime.platform.peer.Peers;
import org.dacsderms.runtime.platform.web.JsonBodies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The steps of the Device Status Check flow ({@code routes/device-status-check.yaml}): read and validate the check,
 * ask the DERMS instance the Routing lookup names for the division, and answer DACS. Anything but a DERMS 200 is
 * thrown, so the flow's error policy answers DACS with a fault and mails the operator. DERMS answers the check itself
 * later, through Device Status Check Ack.
 */
@Component("deviceStatusCheck")
public class DeviceStatusCheckFlow {

    static final String STATUS_CHECK_PATH = "/status-check";

    private static final Logger LOG = LoggerFactory.getLogger(DeviceStatusCheckFlow.class);
    private static final String COMMUNICATION_ID = "communicationId";

    private final ObjectMapper json;
    private final Peers peers;

    public DeviceStatusCheckFlow(ObjectMapper json, Peers peers) {
        this.json = json;
        this.peers = peers;
    }

    public StatusCheckMessage.SendDetails read(String body, Exchange exchange) {
        StatusCheckMessage message = JsonBodies.readValid(
                json, body, StatusCheckMessage.class, "a device status check", StatusCheckValidator::defectsOf);
        StatusCheckMessage.SendDetails check = message.sendDetails();
        exchange.setProperty(COMMUNICATION_ID, check.communicationId());
        exchange.setProperty(Execution.BUSINESS_IDS, check.communicationId());
        exchange.setProperty(Execution.RECORD_COUNT, 1);
        return check;
    }

    public void ask(StatusCheckMessage.SendDetails check) throws JsonProcessingException {
        PeerClient derms = peers.dermsFor(check.deviceInfo().division());
        PeerResponse response = derms.postJson(STATUS_CHECK_PATH, json.writeValueAsString(DermsStatusCheck.of(check)));
        if (response.status() != 200) {
            throw PeerStatusException.answered(derms, response.status(), STATUS_CHECK_PATH);
        }
        LOG.info("Status check {} sent to {}", check.communicationId(), derms.name());
    }

    /** The answer to DACS: {@code {"responseDetails": {"externalId": "<communicationId>"}}}. */
    public String answer(Exchange exchange) throws JsonProcessingException {
        exchange.setProperty(Execution.SUCCESS_COUNT, 1);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        String id = exchange.getProperty(COMMUNICATION_ID, String.class);
        return json.writeValueAsString(Map.of("responseDetails", Map.of("externalId", id)));
    }
}
