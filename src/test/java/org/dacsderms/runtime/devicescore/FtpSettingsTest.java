package org.dacsderms.runtime.devicescore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FtpSettingsTest {

    @Test
    void sftpChecksTheServersHostKeyAgainstTheConfiguredKnownHosts() {
        FtpProperties sftp = settings("sftp", "/etc/dacs-derms/known_hosts");

        String uri = FtpScoreStore.uri(sftp);

        assertThat(uri)
                .startsWith("sftp://dacs-ftp.utility.example:22?")
                .contains(
                        "strictHostKeyChecking=yes",
                        "useUserKnownHostsFile=false",
                        "knownHostsFile=/etc/dacs-derms/known_hosts")
                .doesNotContain("secret");
    }

    @Test
    void sftpWithoutKnownHostsStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> settings("sftp", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ftp.known-hosts-file is required with ftp.protocol=sftp");
    }

    @Test
    void ftpIsPassiveAndBinaryByDefault() {
        String uri = FtpScoreStore.uri(settings("ftp", null));

        assertThat(uri).startsWith("ftp://dacs-ftp.utility.example:21?").contains("passiveMode=true", "binary=true");
    }

    private static FtpProperties settings(String protocol, String knownHosts) {
        return new FtpProperties(
                protocol,
                "dacs-ftp.utility.example",
                null,
                "dacs",
                "secret",
                null,
                null,
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                knownHosts);
    }
}
