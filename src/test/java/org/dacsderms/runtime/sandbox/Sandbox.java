package org.dacsderms.runtime.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the runtime talks to, simulated on loopback: DACS, two DERMS instances ({@code nms1}, {@code nms2}) and
 * an SMTP server with an HTTP view of its mailbox. {@code make run} starts it on fixed ports; tests on free ones.
 * The credentials the runtime uses towards the simulators are made up at each start (user {@code runtime}; the password
 * is SANDBOX_PEER_PASSWORD when set).
 */
public class Sandbox implements AutoCloseable {

    /** Ports of the sandbox's servers; 0 picks a free one. */
    public record Ports(int dacs, int dermsNms1, int dermsNms2, int smtp, int mailbox, int ftp, int objectStorage) {

        public static Ports free() {
            return new Ports(0, 0, 0, 0, 0, 0, 0);
        }

        /** The ports of {@code make run} (SandboxApplication shifts them by SANDBOX_PORT_OFFSET). */
        public static Ports fixed() {
            return new Ports(18081, 18082, 18083, 3025, 18025, 2121, 18090);
        }

        /** Every port moved by {@code offset}. */
        public Ports shifted(int offset) {
            return new Ports(
                    dacs + offset,
                    dermsNms1 + offset,
                    dermsNms2 + offset,
                    smtp + offset,
                    mailbox + offset,
                    ftp + offset,
                    objectStorage + offset);
        }
    }

    private final String peerUser = "runtime";
    // SANDBOX_PEER_PASSWORD lets a bench client call the DACS simulator directly (bench/event-outcome.sh).
    private final String peerPassword = System.getenv()
            .getOrDefault("SANDBOX_PEER_PASSWORD", UUID.randomUUID().toString());
    private final PeerSimulator dacs;
    private final PeerSimulator nms1;
    private final PeerSimulator nms2;
    private final Mailbox mailbox;
    private final ScoreFtpServer ftp;
    private final ScoreObjectStore objectStore;

    private Sandbox(Ports ports, Path files) throws IOException {
        dacs = DacsSimulator.create(peerUser, peerPassword).start(ports.dacs());
        nms1 = DermsSimulator.create("nms1", peerUser, peerPassword).start(ports.dermsNms1());
        nms2 = DermsSimulator.create("nms2", peerUser, peerPassword).start(ports.dermsNms2());
        mailbox = new Mailbox(ports.smtp()).start(ports.mailbox());
        ftp = new ScoreFtpServer(ports.ftp(), Files.createDirectories(files.resolve("ftp")));
        objectStore = new ScoreObjectStore(ports.objectStorage(), Files.createDirectories(files.resolve("s3")));
    }

    public static Sandbox start(Ports ports) throws IOException {
        return new Sandbox(ports, Files.createTempDirectory("sandbox-files-"));
    }

    /** A sandbox whose FTP and object storage keep their files under {@code files} (make run: target/sandbox). */
    public static Sandbox start(Ports ports, Path files) throws IOException {
        return new Sandbox(ports, files);
    }

    /** The FTP server DACS drops device score files on. */
    public ScoreFtpServer ftp() {
        return ftp;
    }

    /** The S3-compatible object storage DACS drops device score files in. */
    public ScoreObjectStore objectStore() {
        return objectStore;
    }

    public PeerSimulator dacs() {
        return dacs;
    }

    public PeerSimulator derms(String instance) {
        return switch (instance) {
            case "nms1" -> nms1;
            case "nms2" -> nms2;
            default -> throw new IllegalArgumentException("the sandbox has no DERMS instance " + instance);
        };
    }

    /** Brings the DACS simulator back after a test stopped it. */
    public void restartDacs() throws IOException {
        dacs.restart();
    }

    public Mailbox mailbox() {
        return mailbox;
    }

    /** Back to the contract's answers, with empty journals and an empty mailbox. */
    public void reset() {
        dacs.reset();
        nms1.reset();
        nms2.reset();
        mailbox.clear();
    }

    /** The runtime's connection settings pointing at this sandbox. */
    public Map<String, String> runtimeProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("dacs.base-url", dacs.baseUrl());
        properties.put("dacs.username", peerUser);
        properties.put("dacs.password", peerPassword);
        for (PeerSimulator derms : new PeerSimulator[] {nms1, nms2}) {
            String prefix = "derms.instances." + derms.name().substring("DERMS ".length()) + ".";
            properties.put(prefix + "base-url", derms.baseUrl());
            properties.put(prefix + "username", peerUser);
            properties.put(prefix + "password", peerPassword);
        }
        properties.put("mail.host", "127.0.0.1");
        properties.put("mail.port", String.valueOf(mailbox.smtpPort()));
        properties.put("ftp.host", "127.0.0.1");
        properties.put("ftp.port", String.valueOf(ftp.port()));
        properties.put("ftp.username", ftp.username());
        properties.put("ftp.password", ftp.password());
        properties.put("object-storage.endpoint", objectStore.endpoint());
        properties.put("object-storage.region", ScoreObjectStore.REGION);
        properties.put("object-storage.access-key", objectStore.accessKey());
        properties.put("object-storage.secret-key", objectStore.secretKey());
        return properties;
    }

    public String describe() {
        return String.join(
                System.lineSeparator(),
                "DACS simulator      " + dacs.baseUrl() + "   (control: http://127.0.0.1:" + dacs.port() + "/__sim)",
                "DERMS nms1          " + nms1.baseUrl() + "   (control: http://127.0.0.1:" + nms1.port() + "/__sim)",
                "DERMS nms2          " + nms2.baseUrl() + "   (control: http://127.0.0.1:" + nms2.port() + "/__sim)",
                "SMTP                127.0.0.1:" + mailbox.smtpPort(),
                "Mailbox             http://127.0.0.1:" + mailbox.httpPort() + "/mails",
                "FTP                 ftp://127.0.0.1:" + ftp.port() + "/" + ScoreFtpServer.SCORE_DIRECTORY
                        + "   (files: " + ftp.scoreDirectory().toAbsolutePath() + ")",
                "Object storage      " + objectStore.endpoint() + "/" + ScoreObjectStore.BUCKET,
                "DERMS score files   http://127.0.0.1:" + nms1.port() + "/__sim/device-score");
    }

    @Override
    public void close() {
        dacs.close();
        nms1.close();
        nms2.close();
        mailbox.close();
        ftp.close();
        objectStore.close();
    }
}
