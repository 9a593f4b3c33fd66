package org.dacsderms.runtime.devicescore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FTP store over SFTP, against a real SFTP server (Apache MINA SSHD) on loopback. */
class SftpScoreStoreTest {

    private static final String DIRECTORY = "/outbound/scores";

    @TempDir
    Path root;

    @TempDir
    Path config;

    private SshServer server;
    private KeyPair hostKey;
    private CamelContext camel;

    @BeforeEach
    void startAnSftpServer() throws Exception {
        hostKey = rsaKey();
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator((user, password, session) -> "dacs".equals(user) && "secret".equals(password));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root));
        server.start();
        Files.createDirectories(root.resolve("outbound/scores"));
        camel = new DefaultCamelContext();
        camel.start();
    }

    @AfterEach
    void stop() throws Exception {
        camel.stop();
        server.stop(true);
    }

    @Test
    void aScoreFileIsListedReadByteForByteAndRenamedOverSftp() throws Exception {
        byte[] content = "nicId,headEndSystem\nECB-1,ECOBEE\n".getBytes(StandardCharsets.UTF_8);
        Files.write(root.resolve("outbound/scores/SDCSE_1.csv"), content);
        Files.write(root.resolve("outbound/scores/Sent-SDCSE_0.csv"), content);

        try (FtpScoreStore store =
                new FtpScoreStore(camel, sftp(knownHosts(hostKey.getPublic())), DIRECTORY, Duration.ZERO)) {
            List<ScoreFile> files = store.list("SDCSE", List.of("Sent-", "Error-"));
            assertThat(files).extracting(ScoreFile::name).containsExactly("SDCSE_1.csv");

            byte[] read = store.read(files.get(0), in -> in.readAllBytes());
            store.rename(files.get(0), "Sent-SDCSE_1.csv");

            assertThat(read).isEqualTo(content);
        }
        assertThat(root.resolve("outbound/scores/Sent-SDCSE_1.csv")).exists().hasBinaryContent(content);
        assertThat(root.resolve("outbound/scores/SDCSE_1.csv")).doesNotExist();
    }

    @Test
    void aServerWhoseHostKeyIsNotTheKnownOneIsRefused() throws Exception {
        FtpProperties otherKey = sftp(knownHosts(rsaKey().getPublic()));

        assertThatThrownBy(() -> new FtpScoreStore(camel, otherKey, DIRECTORY, Duration.ZERO).close())
                .hasStackTraceContaining("HostKey");
    }

    private Path knownHosts(PublicKey key) throws Exception {
        Path file = Files.createTempFile(config, "known_hosts", "");
        Files.writeString(file, "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(key) + "\n");
        return file;
    }

    private FtpProperties sftp(Path knownHosts) {
        return new FtpProperties(
                "sftp",
                "127.0.0.1",
                server.getPort(),
                "dacs",
                "secret",
                null,
                null,
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                knownHosts.toString());
    }

    private static KeyPair rsaKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
