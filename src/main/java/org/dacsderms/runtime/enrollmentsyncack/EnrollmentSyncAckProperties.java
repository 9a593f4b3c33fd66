package org.dacsderms.runtime.enrollmentsyncack;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the Enrollment Sync Ack sender. The wait itself is the ConfigProps lookup
 * {@code enrollment.sync.ack.delay.seconds}, read for each ack.
 *
 * @param pollInterval how often due acks are looked for (default 1 s); an ack goes out at most this late
 * @param lease how long a node may hold an ack it is sending before another node may take it (default 5 min); must
 *     exceed the DACS connect and read timeouts together, or a slow PATCH could be sent twice
 * @param maxPerPoll acks sent one after the other per poll at most (default 100)
 */
@Validated
@ConfigurationProperties("flows.enrollment-sync-ack")
public record EnrollmentSyncAckProperties(Duration pollInterval, Duration lease, @Min(1) Integer maxPerPoll) {

    public EnrollmentSyncAckProperties {
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        lease = lease == null ? Duration.ofMinutes(5) : lease;
        maxPerPoll = maxPerPoll == null ? 100 : maxPerPoll;
    }
}
