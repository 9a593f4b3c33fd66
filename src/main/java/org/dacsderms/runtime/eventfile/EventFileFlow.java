package org.dacsderms.runtime.eventfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.dacsderms.runtime.platform.execution.Execution;
import org.dacsderms.runtime.platform.execution.ExecutionStatus;
import org.dacsderms.runtime.platform.lookup.LookupTables;
import org.dacsderms.runtime.platform.message.DermsTime;
import org.dacsderms.runtime.platform.message.MsgAck;
import org.dacsderms.runtime.platform.notify.Notifications;
import org.dacsderms.runtime.platform.notify.ProcessMailKind;
import org.dacsderms.runtime.platform.peer.PeerClient;
import org.dacsderms.runtime.platform.peer.PeerResponse;
import org.dacsderms.runtime.platform.peer.PeerUnavailableException;
import org.dacsderms.runtime.platform.peer.Peers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * The steps of the two event file flows ({@code routes/event-device-reservation.yaml},
 * {@code routes/event-outcome.yaml}): open a staged file, check DACS health, read the file in segments, send each
 * segment with a bounded number in flight, and acknowledge DERMS with the account of every record.
 */
@Component("eventFiles")
public class EventFileFlow {

    /** Exchange property: the tracking id of the staged file the exchange processes. */
    public static final String STAGED_FILE = "stagedFile";

    /** Exchange property holding the {@link FileRun} of the exchange. */
    public static final String RUN = "eventFileRun";

    /** Exchange property: true when the operator gets an error e-mail. */
    public static final String NOTIFY_OPERATOR = "notifyOperator";

    /** Exchange property: true when the process-notification recipients get an e-mail. */
    public static final String NOTIFY_PROCESS = "notifyProcess";

    static final String HEALTH_PATH = "/ouaf/rest/apis/common/system/healthCheck";

    private static final Logger LOG = LoggerFactory.getLogger(EventFileFlow.class);
    private static final String CONFIG = "ConfigProps";
    private static final long MAX_WAIT_MINUTES = 30;

    private final StagedFiles staged;
    private final LookupTables lookups;
    private final Peers peers;
    private final ObjectMapper json;
    private final EventFileProperties properties;
    private final Clock clock;
    private final ExecutorService calls;

    public EventFileFlow(
            StagedFiles staged,
            LookupTables lookups,
            Peers peers,
            ObjectMapper json,
            EventFileProperties properties,
            Clock clock,
            CamelContext camel) {
        this.staged = staged;
        this.lookups = lookups;
        this.peers = peers;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
        // Bounded per file by FileRun's permits (event.file.segment.parallelism) and per runtime by concurrent-files.
        this.calls = camel.getExecutorServiceManager().newCachedThreadPool(this, "event-file-segments");
    }

    /** Opens the staged file of the exchange; segment size and parallelism are read once per file. */
    public void open(@ExchangeProperty(STAGED_FILE) String trackingId, Exchange exchange) {
        StagedFile file = staged.startRun(trackingId)
                .orElseThrow(() -> new IllegalStateException("no staged event file " + trackingId));
        int size = lookups.number(CONFIG, "event.file.segment.size");
        int parallelism = lookups.number(CONFIG, "event.file.segment.parallelism");
        if (size < 1 || parallelism < 1) {
            throw new IllegalStateException("event.file.segment.size and .parallelism must be at least 1");
        }
        exchange.setProperty(
                RUN,
                new FileRun(
                        file, size, parallelism, properties.maxReportedRejections(), properties.maxReportedSegments()));
        exchange.setProperty(Execution.BUSINESS_IDS, file.message().businessIds(file.fileName()));
        LOG.info(
                "Event file {} ({} bytes, run {}): segments of {}, {} in flight",
                file.fileName(),
                file.size(),
                file.attempts(),
                size,
                parallelism);
    }

    /** True when DACS answers its health check with 200; otherwise the run is marked and nothing is sent. */
    public boolean dacsHealthy(@ExchangeProperty(RUN) FileRun run) {
        try {
            PeerResponse response = peers.dacs().get(HEALTH_PATH);
            if (response.status() != 200) {
                run.unhealthy("DACS health check answered HTTP " + response.status());
            }
        } catch (PeerUnavailableException e) {
            run.unhealthy("DACS health check failed: " + e.getMessage());
        }
        return run.healthError() == null;
    }

    /** The file as a stream of segments; a file without the flow's header yields none and is marked unreadable. */
    public Iterator<Segment> segments(@ExchangeProperty(RUN) FileRun run) {
        StagedFile file = run.file();
        RowMapper mapper =
                file.kind() == EventFileKind.OUTCOME ? OutcomeMapper.create(lookups) : ReservationMapper.create();
        try {
            CsvSegments segments = CsvSegments.open(file.path(), file.kind().columns(), run.segmentSize(), mapper);
            if (segments == null) {
                return Collections.emptyIterator();
            }
            run.reader(segments);
            return segments;
        } catch (IOException | UncheckedIOException e) {
            run.unreadable("the file cannot be read: " + describe(e));
            return Collections.emptyIterator();
        }
    }

    /** Sends one segment; waits first while the file already has its maximum of segments in flight. */
    public void send(Segment segment, @ExchangeProperty(RUN) FileRun run) throws InterruptedException {
        run.read(segment);
        segment.rejections().forEach(rejection -> LOG.debug("Not sent: {}", rejection));
        if (segment.items().isEmpty()) {
            return;
        }
        run.acquire();
        String trackingId = MDC.get(Execution.TRACKING_ID);
        calls.execute(() -> {
            MDC.put(Execution.TRACKING_ID, trackingId);
            try {
                call(segment, run);
            } finally {
                run.release();
                MDC.remove(Execution.TRACKING_ID);
            }
        });
    }

    /** The file could not be read to its end: what was read is accounted for, the rest is not. */
    public void unreadable(@ExchangeProperty(RUN) FileRun run, Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        run.unreadable("the file cannot be read after record " + run.read() + ": " + describe(cause));
        LOG.warn("Event file {} unreadable after record {}", run.file().fileName(), run.read(), cause);
    }

    /**
     * Why a file could not be read, in words DERMS and the operator can act on; the parser's own exception text (class
     * names, parser state) stays in the log.
     */
    static String describe(Throwable cause) {
        Throwable root = cause instanceof UncheckedIOException && cause.getCause() != null ? cause.getCause() : cause;
        String message = root == null ? "" : String.valueOf(root.getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "a quoted field is not closed before the end of the file";
        }
        if (message.startsWith("the header ") || message.startsWith("a line is longer")) {
            return message;
        }
        return "it is not a well-formed CSV file (RFC 4180)";
    }

    /** Waits for the segments still in flight; their calls are bounded by the DACS timeouts. */
    public void awaitSegments(@ExchangeProperty(RUN) FileRun run) throws InterruptedException {
        if (!run.awaitAll(MAX_WAIT_MINUTES, TimeUnit.MINUTES)) {
            throw new IllegalStateException(
                    "segments of " + run.file().fileName() + " still in flight after " + MAX_WAIT_MINUTES + " minutes");
        }
    }

    /**
     * Sends the acknowledgment to the DERMS instance of the message, then marks the staged file acknowledged. A DERMS
     * that does not take it fails the exchange: the file stays staged and runs again at the next start.
     */
    public void acknowledge(@ExchangeProperty(RUN) FileRun run, Exchange exchange) throws JsonProcessingException {
        run.closeReader();
        StagedFile file = run.file();
        EventFileAck ack = EventFileAck.of(run, DermsTime.format(Instant.now(clock)));
        record(run, ack, exchange);
        PeerClient derms = peers.dermsFor(file.message().drmsInstanceId());
        PeerResponse response = derms.postJson(file.kind().ackPath(), json.writeValueAsString(ack.body()));
        if (!response.isOk()) {
            throw new IllegalStateException(derms.name() + " answered HTTP " + response.status()
                    + " to the acknowledgment; the file stays staged and runs again at the next start");
        }
        staged.acknowledged(file.trackingId());
        LOG.info(
                "Event file {} acknowledged {}: {} read, {} sent, {} rejected, {} failed segment(s)",
                file.fileName(),
                ack.ackType(),
                run.read(),
                run.sent(),
                run.rejected(),
                run.failedSegmentCount());
    }

    /** Removes staged files whose retention has passed, this one included when the retention is zero. */
    public void cleanUp(@ExchangeProperty(RUN) FileRun run) {
        run.closeReader();
        staged.removeExpired(properties.retention());
    }

    private void call(Segment segment, FileRun run) {
        StagedFile file = run.file();
        try {
            Object body = file.kind() == EventFileKind.OUTCOME
                    ? OutcomeMapper.call(segment.items())
                    : ReservationMapper.call(file.message(), lookups, segment.items());
            PeerResponse response = peers.dacs().postJson(file.kind().dacsPath(), json.writeValueAsString(body));
            if (response.isOk()) {
                run.sent(segment);
            } else {
                run.failed(segment, "DACS answered HTTP " + response.status());
            }
        } catch (PeerUnavailableException e) {
            run.failed(segment, e.getMessage());
        } catch (JsonProcessingException | IllegalStateException e) {
            run.failed(segment, "not sent: " + e.getMessage());
        }
        LOG.debug("Segment {} ({}) of {} done", segment.number(), segment.range(), file.fileName());
    }

    private void record(FileRun run, EventFileAck ack, Exchange exchange) {
        exchange.setProperty(Execution.RECORD_COUNT, (int) run.read());
        exchange.setProperty(Execution.SUCCESS_COUNT, (int) run.sent());
        exchange.setProperty(Execution.ERROR_COUNT, (int) (run.read() - run.sent()));
        exchange.setProperty(
                Execution.STATUS, ExecutionStatus.valueOf(ack.ackType().name()));
        boolean technical = ack.ackType() == MsgAck.AckType.FAILURE;
        if (ack.errorText() != null) {
            exchange.setProperty(Execution.ERROR, ack.errorText());
        }
        exchange.setProperty(NOTIFY_OPERATOR, technical);
        exchange.setProperty(NOTIFY_PROCESS, run.healthError() == null);
        exchange.setProperty(
                Notifications.PROCESS_MAIL_KIND,
                run.complete() ? ProcessMailKind.COMPLETE : ProcessMailKind.COMPLETE_WITH_ERRORS);
        exchange.setProperty(Notifications.PROCESS_SUMMARY, EventFileAck.summary(run, ack));
    }
}
