package org.dacsderms.runtime.platform.security;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How DERMS, DACS and operators authenticate to the runtime.
 *
 * @param username the one user of HTTP Basic on every flow endpoint and the console (from the environment)
 * @param password its password (from the environment, never logged)
 * @param maxBodySize largest request body a JSON endpoint takes; a larger one is answered 413
 */
@Validated
@ConfigurationProperties("inbound")
public record InboundProperties(@NotBlank String username, @NotBlank String password, DataSize maxBodySize) {

    public InboundProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(10) : maxBodySize;
    }

    @Override
    public String toString() {
        return "InboundProperties[username=" + username + ", password=****, maxBodySize=" + maxBodySize + "]";
    }
}
