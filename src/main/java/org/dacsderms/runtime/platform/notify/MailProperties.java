package org.dacsderms.runtime.platform.notify;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The SMTP server error and process e-mails go through. Sender and recipients are business settings and live in the
 * Email_ID lookup.
 *
 * @param host SMTP host
 * @param port SMTP port (default 25)
 * @param username SMTP user, if the server wants one (from the environment)
 * @param password its password (from the environment, never logged)
 * @param startTls upgrade the connection with STARTTLS (default false)
 * @param timeout connect and read timeout of the SMTP conversation (default 10 s)
 */
@Validated
@ConfigurationProperties("mail")
public record MailProperties(
        @NotBlank String host, Integer port, String username, String password, boolean startTls, Duration timeout) {

    public MailProperties {
        port = port == null ? 25 : port;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }

    @Override
    public String toString() {
        return "MailProperties[host=" + host + ", port=" + port + ", username=" + username + ", password=****]";
    }
}
