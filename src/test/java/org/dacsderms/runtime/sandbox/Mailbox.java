package org.dacsderms.runtime.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The sandbox's SMTP server (GreenMail, on loopback) and an HTTP view of what it received: {@code GET /mails} lists
 * every mail as JSON (from, to, subject, body), {@code DELETE /mails} empties the mailbox.
 */
public class Mailbox implements AutoCloseable {

    /** One received mail. */
    public record Mail(String from, List<String> to, String subject, String body) {}

    private final GreenMail smtp;
    private final ObjectMapper json = new ObjectMapper();
    private HttpServer http;

    public Mailbox(int smtpPort) {
        ServerSetup setup = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        smtp = new GreenMail(smtpPort == 0 ? setup.dynamicPort() : setup);
    }

    public Mailbox start(int httpPort) throws IOException {
        smtp.start();
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), httpPort), 16);
        http.createContext("/mails", this::handle);
        http.start();
        return this;
    }

    public int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    public int httpPort() {
        return http.getAddress().getPort();
    }

    public List<Mail> mails() {
        // GreenMail keeps one copy per recipient; a mail to two people is still one mail.
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(distinctBy(Mailbox::messageId))
                .map(Mailbox::read)
                .toList();
    }

    public void clear() {
        try {
            smtp.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException("cannot empty the sandbox mailbox", e);
        }
    }

    @Override
    public void close() {
        if (http != null) {
            http.stop(0);
        }
        smtp.stop();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            int status = 200;
            if ("DELETE".equals(exchange.getRequestMethod())) {
                clear();
                body = json.writeValueAsBytes(Map.of("deleted", true));
            } else {
                body = json.writeValueAsBytes(mails());
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            String id = message.getMessageID();
            return id == null ? String.valueOf(System.identityHashCode(message)) : id;
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot read a received mail", e);
        }
    }

    private static <T> Predicate<T> distinctBy(Function<T, String> key) {
        Set<String> seen = new HashSet<>();
        return item -> seen.add(key.apply(item));
    }

    private static Mail read(MimeMessage message) {
        try {
            Address[] from = message.getFrom();
            Address[] to = message.getAllRecipients();
            return new Mail(
                    from == null || from.length == 0 ? null : from[0].toString(),
                    to == null
                            ? List.of()
                            : Arrays.stream(to).map(Address::toString).toList(),
                    message.getSubject(),
                    new String(
                            GreenMailUtil.getBody(message).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot read a received mail", e);
        }
    }
}
