package org.dacsderms.runtime.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.dacsderms.runtime.sandbox.Behaviour;
import org.dacsderms.runtime.sandbox.Mailbox;
import org.dacsderms.runtime.support.RuntimeTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CommonErrorHandlerTest extends RuntimeTestSupport {

    @Autowired
    private ObjectMapper json;

    @Autowired
    private MeterRegistry meters;

    @Test
    void theErrorMailComesFromTheLookupsAndHoldsNoPayloadOrCredentials() throws Exception {
        SANDBOX.dacs().behave(Behaviour.normal("enroll").withStatus(500));

        post("/enroll-to-dacs", sample("enrollment-request.json"));

        Mailbox.Mail mail = awaitMail();
        assertThat(mail.from()).isEqualTo("dacs-derms-runtime@utility.example");
        assertThat(mail.to()).containsExactly("integration-support@utility.example");
        assertThat(mail.subject()).startsWith("[DACS-DERMS] Enrollment Request (OUTL-BA-DRMS_DACS_ENROLLRQ) failed");
        assertThat(mail.body())
                .contains("Identifier:   OUTL-BA-DRMS_DACS_ENROLLRQ", "Time:         ")
                .doesNotContain(PASSWORD, "Rivera", "Pecan Grove", "ana.rivera@example.org");
    }

    @Test
    void callerHeadersDoNotSteerTheErrorMail() throws Exception {
        SANDBOX.dacs().behave(Behaviour.normal("enroll").withStatus(500));

        send(
                request("/enroll-to-dacs")
                        .header("Content-Type", "application/json")
                        .header("To", "attacker@elsewhere.example")
                        .header("Cc", "attacker@elsewhere.example")
                        .header("Subject", "hello")
                        .header("From", "ceo@utility.example")
                        .POST(HttpRequest.BodyPublishers.ofString(sample("enrollment-request.json"))),
                true);

        Mailbox.Mail mail = awaitMail();
        assertThat(mail.to()).containsExactly("integration-support@utility.example");
        assertThat(mail.from()).isEqualTo("dacs-derms-runtime@utility.example");
        assertThat(mail.subject()).startsWith("[DACS-DERMS] ");
    }

    @Test
    void noMailIsSentWhenTheLookupFlagIsOff() throws Exception {
        editLookup("ConfigProps", "notification.email.flag", "false");
        SANDBOX.dacs().behave(Behaviour.normal("enroll").withStatus(500));

        HttpResponse<String> response = post("/enroll-to-dacs", sample("enrollment-request.json"));

        assertThat(json.readTree(response.body()).at("/MsgAck/ackType").asText())
                .isEqualTo("FAILURE");
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(3))
                .until(() -> SANDBOX.mailbox().mails().isEmpty());
    }

    @Test
    void aMailThatCannotBeSentIsCountedAndTheCallerStillGetsItsAnswer() throws Exception {
        editLookup("Email_ID", "to", "not a valid address@@");
        SANDBOX.dacs().behave(Behaviour.normal("enroll").withStatus(500));
        double before = failures();

        HttpResponse<String> response = post("/enroll-to-dacs", sample("enrollment-request.json"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).at("/MsgAck/ackType").asText())
                .isEqualTo("FAILURE");
        await().atMost(Duration.ofSeconds(10)).until(() -> failures() == before + 1);
        assertThat(SANDBOX.mailbox().mails()).isEmpty();
    }

    private double failures() {
        return meters.counter("dacs.derms.notification.failures").count();
    }

    private static Mailbox.Mail awaitMail() {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> SANDBOX.mailbox().mails().size() == 1);
        return SANDBOX.mailbox().mails().get(0);
    }
}
