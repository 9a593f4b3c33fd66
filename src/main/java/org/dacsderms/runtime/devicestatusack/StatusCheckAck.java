package org.dacsderms.runtime.devicestatusack;

/**
 * What DERMS posts to {@code /status-check-ack-to-dacs} (contract messages.md section 5).
 *
 * @param dacsMessageId the communication id DACS gave the check
 * @param responseCode {@code SUCCESS} (the device communicates) or {@code FAILURE}
 */
public record StatusCheckAck(String dacsMessageId, String responseCode) {}
