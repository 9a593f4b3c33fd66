package org.dacsderms.runtime.platform.security;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The operators' login: the console, the actuator endpoints and the execution records. Kept apart from the login
 * DERMS and DACS use, so that a peer system's credentials give no control over the runtime. The same user name and
 * password as {@code inbound.*} make one user with both roles (the sandbox does this).
 *
 * @param username operator user (from the environment)
 * @param password its password (from the environment, never logged)
 */
@Validated
@ConfigurationProperties("console")
public record ConsoleProperties(@NotBlank String username, @NotBlank String password) {

    @Override
    public String toString() {
        return "ConsoleProperties[username=" + username + ", password=****]";
    }
}
