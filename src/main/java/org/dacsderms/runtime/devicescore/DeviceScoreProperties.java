package org.dacsderms.runtime.devicescore;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the two device score transfers (FTP and object storage) that are not business settings.
 *
 * @param lease how long a node's claim on a transfer run holds without being renewed; a node that dies mid-run
 *     blocks the other nodes at most this long (default 2 minutes; renewed every third of it while the run lasts)
 * @param readLockInterval FTP read lock: a file is taken only when its size and time did not change over this
 *     interval, so a file DACS is still writing is left for the next run (default 1 s)
 * @param dermsRoute key of the Routing lookup that names the DERMS instance receiving score files (default
 *     {@code DVCSCORE})
 * @param nodeName this runtime's name in the lease table and the file ledger (default host name and process id)
 */
@Validated
@ConfigurationProperties("flows.device-score")
public record DeviceScoreProperties(
        Duration lease, Duration readLockInterval, @NotBlank String dermsRoute, String nodeName) {

    public DeviceScoreProperties {
        lease = lease == null ? Duration.ofMinutes(2) : lease;
        readLockInterval = readLockInterval == null ? Duration.ofSeconds(1) : readLockInterval;
        dermsRoute = dermsRoute == null ? "DVCSCORE" : dermsRoute;
    }
}
