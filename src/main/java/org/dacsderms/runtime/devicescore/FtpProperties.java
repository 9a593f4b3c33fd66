package org.dacsderms.runtime.devicescore;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The FTP (or SFTP) server DACS drops device score files on. The directory is a business setting
 * ({@code dacs.dvcScore.ftp.input.directory} in ConfigProps).
 *
 * @param protocol {@code ftp} (default) or {@code sftp}
 * @param host the server's host name
 * @param port its port (default 21 for FTP, 22 for SFTP)
 * @param username user to sign in with
 * @param password its password, from the environment (FTP_PASSWORD); never logged
 * @param passiveMode FTP passive mode (default true); ignored for SFTP
 * @param binary FTP binary transfer type (default true); ignored for SFTP
 * @param connectTimeout how long to wait for a connection (default 10 s)
 * @param readTimeout how long a read may stall (default 60 s)
 * @param knownHostsFile SFTP only, and required for it: the known_hosts file holding the server's host key; the
 *     connection is refused when the key does not match, so a server that is not DACS's cannot receive the password
 */
@Validated
@ConfigurationProperties("ftp")
public record FtpProperties(
        @Pattern(regexp = "ftp|sftp") String protocol,
        @NotBlank String host,
        @Min(0) @Max(65535) Integer port,
        @NotBlank String username,
        String password,
        Boolean passiveMode,
        Boolean binary,
        Duration connectTimeout,
        Duration readTimeout,
        String knownHostsFile) {

    public FtpProperties {
        protocol = protocol == null ? "ftp" : protocol;
        port = port == null ? ("sftp".equals(protocol) ? 22 : 21) : port;
        passiveMode = passiveMode == null || passiveMode;
        binary = binary == null || binary;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(60) : readTimeout;
        if ("sftp".equals(protocol) && (knownHostsFile == null || knownHostsFile.isBlank())) {
            throw new IllegalArgumentException(
                    "ftp.known-hosts-file is required with ftp.protocol=sftp (the server's host key is checked)");
        }
    }

    @Override
    public String toString() {
        return "FtpProperties[" + protocol + "://" + username + "@" + host + ":" + port + ", password=****]";
    }
}
