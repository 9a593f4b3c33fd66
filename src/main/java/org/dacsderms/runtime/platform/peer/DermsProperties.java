package org.dacsderms.runtime.platform.peer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The DERMS instances the runtime talks to, by name; the Routing lookup maps a division or DERMS instance id to one
 * of these names.
 *
 * @param instances each instance's {@code https://{host}:{port}/nms-drms/rest/v1} base URL and credentials
 * @param connectTimeout how long to wait for a connection (default 5 s)
 * @param readTimeout how long to wait for an answer (default 60 s)
 */
@Validated
@ConfigurationProperties("derms")
public record DermsProperties(
        @NotEmpty Map<String, @Valid PeerConnection> instances, Duration connectTimeout, Duration readTimeout) {

    public DermsProperties {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(60) : readTimeout;
    }
}
