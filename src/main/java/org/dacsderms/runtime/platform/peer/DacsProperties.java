package org.dacsderms.runtime.platform.peer;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The connection to DACS.
 *
 * @param baseUrl {@code https://{host}:{port}/{tenant}/{domain}}
 * @param connectTimeout how long to wait for a connection (default 5 s)
 * @param readTimeout how long to wait for an answer (default 60 s)
 */
@Validated
@ConfigurationProperties("dacs")
public record DacsProperties(
        @NotNull URI baseUrl, String username, String password, Duration connectTimeout, Duration readTimeout) {

    public DacsProperties {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(60) : readTimeout;
    }

    public PeerConnection connection() {
        return new PeerConnection(baseUrl, username, password);
    }

    @Override
    public String toString() {
        return "DacsProperties[baseUrl=" + baseUrl + ", username=" + username + ", password=****]";
    }
}
