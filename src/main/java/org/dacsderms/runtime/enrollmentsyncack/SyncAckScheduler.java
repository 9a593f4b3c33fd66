package org.dacsderms.runtime.enrollmentsyncack;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.dacsderms.runtime.platform.peer.DacsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends the acks whose time has come, called by the route {@code enrollment-sync-ack-scheduler} at each poll. Acks
 * left waiting by a stopped or killed node are due as well, so they go out after the restart (late rather than never).
 * Each ack is claimed just before it is sent and goes through {@code direct:enrollment-sync-ack-delivery} as its own
 * exchange, so it has its own tracking id and execution record.
 */
@Component("enrollmentSyncAckScheduler")
public class SyncAckScheduler {

    static final String DELIVERY = "direct:enrollment-sync-ack-delivery";

    private static final Logger LOG = LoggerFactory.getLogger(SyncAckScheduler.class);

    private final PendingSyncAcks acks;
    private final ProducerTemplate template;
    private final EnrollmentSyncAckProperties properties;
    private final Clock clock;

    public SyncAckScheduler(
            PendingSyncAcks acks,
            ProducerTemplate template,
            EnrollmentSyncAckProperties properties,
            DacsProperties dacs,
            Clock clock) {
        this.acks = acks;
        this.template = template;
        this.properties = properties;
        this.clock = clock;
        if (properties.lease().compareTo(dacs.connectTimeout().plus(dacs.readTimeout())) <= 0) {
            throw new IllegalStateException("flows.enrollment-sync-ack.lease (" + properties.lease()
                    + ") must exceed dacs.connect-timeout plus dacs.read-timeout");
        }
    }

    /** Claims and sends every due ack, one at a time; returns how many were sent. */
    public int deliverDue() {
        int sent = 0;
        for (String syncRequestId : acks.due(clock.instant(), properties.maxPerPoll())) {
            Instant now = clock.instant();
            Optional<PendingSyncAck> claimed = acks.claim(syncRequestId, now, now.plus(properties.lease()));
            if (claimed.isPresent()) {
                deliver(claimed.get());
                sent++;
            }
        }
        return sent;
    }

    private void deliver(PendingSyncAck ack) {
        Exchange done =
                template.send(DELIVERY, exchange -> exchange.getMessage().setBody(ack));
        if (done.getException() != null) {
            LOG.warn(
                    "The sync ack of sync request {} stays claimed until its lease ends",
                    ack.syncRequestId(),
                    done.getException());
        }
    }
}
