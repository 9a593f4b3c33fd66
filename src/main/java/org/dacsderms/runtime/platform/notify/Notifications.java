package org.dacsderms.runtime.platform.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.dacsderms.runtime.platform.Flow;
import org.dacsderms.runtime.platform.execution.Execution;
import org.dacsderms.runtime.platform.lookup.LookupTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes the e-mails of the common error handler (contract flows.md section 11) from what the failing exchange
 * carries: flow, vendor identifier, tracking id, business ids, the error and the time. Sender, recipients and flags
 * come from the lookups at the moment the e-mail is written. Caller headers never reach an e-mail: every header is
 * dropped before the mail headers are set.
 */
@Component("notifications")
public class Notifications {

    /** Exchange property a flow sets to the {@link ProcessMailKind} of a process e-mail. */
    public static final String PROCESS_MAIL_KIND = "processMailKind";

    /** Exchange property a flow sets to the text of a process e-mail (file names, counts). */
    public static final String PROCESS_SUMMARY = "processSummary";

    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);
    private static final String CONFIG = "ConfigProps";
    private static final String EMAIL = "Email_ID";
    private static final String SUBJECT_PREFIX = "[DACS-DERMS] ";
    private static final int MAX_BUSINESS_IDS = 500;

    private final LookupTables lookups;
    private final Counter failures;
    private final Clock clock;

    public Notifications(LookupTables lookups, MeterRegistry meters, Clock clock) {
        this.lookups = lookups;
        this.clock = clock;
        this.failures = Counter.builder("dacs.derms.notification.failures")
                .description("e-mails the runtime could not send")
                .register(meters);
    }

    public boolean errorMailWanted() {
        return emailChannel() && lookups.flag(CONFIG, "notification.email.flag");
    }

    public boolean processMailWanted(Exchange exchange) {
        String flag = kind(exchange) == ProcessMailKind.NO_FILE
                ? "notification.email.process.nofile.flag"
                : "notification.email.process.complete.flag";
        return emailChannel() && lookups.flag(CONFIG, flag);
    }

    public void prepareErrorMail(Exchange exchange) {
        Flow flow = flow(exchange);
        String subject = flow.title() + " (" + flow.vendorId() + ") failed, tracking id " + trackingId(exchange);
        String body = header(exchange, flow) + "Error:        " + error(exchange) + "\n";
        prepare(exchange, lookups.get(EMAIL, "to"), subject, body);
    }

    public void prepareProcessMail(Exchange exchange) {
        Flow flow = flow(exchange);
        String subject = flow.title() + " (" + flow.vendorId() + ") "
                + kind(exchange).subject() + ", tracking id " + trackingId(exchange);
        String summary = exchange.getProperty(PROCESS_SUMMARY, "", String.class);
        prepare(exchange, lookups.get(EMAIL, "to.process.notification"), subject, header(exchange, flow) + summary);
    }

    /** An e-mail could not be sent: logged and counted; the flow that asked for it goes on with its own path. */
    public void mailFailed(Exchange exchange) {
        failures.increment();
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        LOG.warn(
                "Cannot send the e-mail of {} for tracking id {} (ignored)",
                flow(exchange).routeId(),
                trackingId(exchange),
                cause);
    }

    private void prepare(Exchange exchange, String to, String subject, String body) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader("From", lookups.get(EMAIL, "from"));
        message.setHeader("To", to);
        message.setHeader("Subject", SUBJECT_PREFIX + subject);
        message.setHeader("Content-Type", "text/plain; charset=UTF-8");
        message.setBody(body);
    }

    private String header(Exchange exchange, Flow flow) {
        String businessIds = shortened(exchange.getProperty(Execution.BUSINESS_IDS, "-", String.class));
        return "Flow:         " + flow.title() + "\n"
                + "Identifier:   " + flow.vendorId() + "\n"
                + "Tracking id:  " + trackingId(exchange) + "\n"
                + "Business ids: " + businessIds + "\n"
                + "Time:         " + Instant.now(clock).truncatedTo(ChronoUnit.MILLIS) + "\n";
    }

    /** A batch of thousands names only its first ids in the e-mail; the execution record keeps the rest. */
    private static String shortened(String businessIds) {
        // Ids come from callers: a line break in one must not start a line of its own in the e-mail.
        businessIds = businessIds.replaceAll("\\p{Cntrl}", " ");
        if (businessIds.length() <= MAX_BUSINESS_IDS) {
            return businessIds;
        }
        int cut = businessIds.lastIndexOf(", ", MAX_BUSINESS_IDS);
        return businessIds.substring(0, cut > 0 ? cut : MAX_BUSINESS_IDS) + ", … (more in the execution record)";
    }

    private boolean emailChannel() {
        return "email".equalsIgnoreCase(lookups.get(CONFIG, "notification.type.email"));
    }

    private static Flow flow(Exchange exchange) {
        return exchange.getProperty(Execution.FLOW, Flow.COMMON_ERROR_HANDLER, Flow.class);
    }

    private static String trackingId(Exchange exchange) {
        return exchange.getProperty(Execution.TRACKING_ID, "-", String.class);
    }

    private static ProcessMailKind kind(Exchange exchange) {
        return exchange.getProperty(PROCESS_MAIL_KIND, ProcessMailKind.COMPLETE, ProcessMailKind.class);
    }

    private static String error(Exchange exchange) {
        String error = exchange.getProperty(Execution.ERROR, String.class);
        if (error != null) {
            return error;
        }
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
