package org.dacsderms.runtime.sandbox;

import java.io.IOException;
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
    public record Ports(int dacs, int dermsNms1, int dermsNms2, int smtp, int mailbox) {

        public static Ports free() {
            return new Ports(0, 0, 0, 0, 0);
        }

        /** The ports of {@code make run}, all shifted by SANDBOX_PORT_OFFSET when set (a second sandbox beside one). */
        public static Ports fixed() {
            int offset = Integer.parseInt(System.getenv().getOrDefault("SANDBOX_PORT_OFFSET", "0"));
            return new Ports(18081 + offset, 18082 + offset, 18083 + offset, 3025 + offset, 18025 + offset);
        }

        /** The fixed ports, each replaceable by an environment variable (SANDBOX_DACS_PORT, ...) when one is taken. */
        public static Ports fromEnvironment() {
            Ports fixed = fixed();
            return new Ports(
                    port("SANDBOX_DACS_PORT", fixed.dacs()),
                    port("SANDBOX_DERMS_NMS1_PORT", fixed.dermsNms1()),
                    port("SANDBOX_DERMS_NMS2_PORT", fixed.dermsNms2()),
                    port("SANDBOX_SMTP_PORT", fixed.smtp()),
                    port("SANDBOX_MAILBOX_PORT", fixed.mailbox()));
        }

        private static int port(String variable, int fallback) {
            String value = System.getenv(variable);
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
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

    private Sandbox(Ports ports) throws IOException {
        dacs = DacsSimulator.create(peerUser, peerPassword).start(ports.dacs());
        nms1 = DermsSimulator.create("nms1", peerUser, peerPassword).start(ports.dermsNms1());
        nms2 = DermsSimulator.create("nms2", peerUser, peerPassword).start(ports.dermsNms2());
        mailbox = new Mailbox(ports.smtp()).start(ports.mailbox());
    }

    public static Sandbox start(Ports ports) throws IOException {
        return new Sandbox(ports);
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
        return properties;
    }

    public String describe() {
        return String.join(
                System.lineSeparator(),
                "DACS simulator      " + dacs.baseUrl() + "   (control: http://127.0.0.1:" + dacs.port() + "/__sim)",
                "DERMS nms1          " + nms1.baseUrl() + "   (control: http://127.0.0.1:" + nms1.port() + "/__sim)",
                "DERMS nms2          " + nms2.baseUrl() + "   (control: http://127.0.0.1:" + nms2.port() + "/__sim)",
                "SMTP                127.0.0.1:" + mailbox.smtpPort(),
                "Mailbox             http://127.0.0.1:" + mailbox.httpPort() + "/mails");
    }

    @Override
    public void close() {
        dacs.close();
        nms1.close();
        nms2.close();
        mailbox.close();
    }
}
