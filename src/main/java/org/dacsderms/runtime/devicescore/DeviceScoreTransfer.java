package org.dacsderms.runtime.devicescore;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.dacsderms.runtime.platform.execution.Execution;
import org.dacsderms.runtime.platform.execution.ExecutionStatus;
import org.dacsderms.runtime.platform.lookup.LookupTables;
import org.dacsderms.runtime.platform.notify.Notifications;
import org.dacsderms.runtime.platform.notify.ProcessMailKind;
import org.dacsderms.runtime.platform.peer.PeerResponse;
import org.dacsderms.runtime.platform.peer.Peers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The steps of the two device score transfers ({@code routes/device-score-ftp.yaml},
 * {@code routes/device-score-object-storage.yaml}): claim the run lease, list the files, deliver each one to DERMS
 * and mark it, then summarize the run for its execution record and its process e-mail.
 */
@Component("deviceScoreTransfer")
public class DeviceScoreTransfer {

    /** Exchange property: the {@link ScoreSource} of the route. */
    public static final String SOURCE = "deviceScoreSource";

    /** Exchange property: the {@link RunLease} claimed for this run (by the trigger, or by the flow itself). */
    public static final String LEASE = "deviceScoreLease";

    /** Exchange property of one file's exchange: true when that file failed and the operator gets an e-mail. */
    public static final String FILE_FAILED = "deviceScoreFileFailed";

    static final String RUN = "deviceScoreRun";
    private static final String CONFIG = "ConfigProps";
    private static final Logger LOG = LoggerFactory.getLogger(DeviceScoreTransfer.class);

    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final S3Client s3;
    private final LookupTables lookups;
    private final Peers peers;
    private final RunLeases leases;
    private final FileLedger ledger;
    private final FtpProperties ftp;
    private final DeviceScoreProperties properties;

    public DeviceScoreTransfer(
            CamelContext camel,
            ProducerTemplate producer,
            S3Client deviceScoreS3Client,
            LookupTables lookups,
            Peers peers,
            RunLeases leases,
            FileLedger ledger,
            FtpProperties ftp,
            DeviceScoreProperties properties) {
        this.camel = camel;
        this.producer = producer;
        this.s3 = deviceScoreS3Client;
        this.lookups = lookups;
        this.peers = peers;
        this.leases = leases;
        this.ledger = ledger;
        this.ftp = ftp;
        this.properties = properties;
    }

    /**
     * A scheduled firing: claims the run lease with a fresh tracking id ({@link #LEASE} set), or leaves it unset when
     * another run (on this node or another) holds it, in which case this firing does nothing.
     */
    public void claimRun(Exchange exchange) {
        ScoreSource source = source(exchange);
        String trackingId = UUID.randomUUID().toString();
        Optional<RunLease> lease = leases.acquire(source.flow().routeId(), trackingId);
        if (lease.isEmpty()) {
            LOG.debug(
                    "{}: another run holds the lease; this firing is skipped",
                    source.flow().routeId());
            return;
        }
        exchange.setProperty(Execution.TRACKING_ID, trackingId);
        exchange.setProperty(LEASE, lease.get());
    }

    /** Opens the run: the lease (claimed here if the trigger did not), the store, DERMS; lists the files. */
    public List<ScoreFile> begin(Exchange exchange) {
        ScoreSource source = source(exchange);
        String trackingId = exchange.getProperty(Execution.TRACKING_ID, String.class);
        RunLease lease = exchange.getProperty(LEASE, RunLease.class);
        if (lease == null) {
            lease = leases.acquire(source.flow().routeId(), trackingId)
                    .orElseThrow(() -> new IllegalStateException(
                            "another run of " + source.flow().routeId() + " is in progress ("
                                    + leases.holder(source.flow().routeId()).orElse("?") + ")"));
            exchange.setProperty(LEASE, lease);
        }
        String prefix = lookups.get(CONFIG, "dacs.dvcScore.extract.filename.prefix");
        String sent = lookups.get(CONFIG, "dacs.prefixtag.fileuploaded");
        String error = lookups.get(CONFIG, "dacs.prefixtag.filenotuploaded");
        ScoreStore store = open(source);
        TransferRun run = new TransferRun(source, lease, store, peers.dermsFor(properties.dermsRoute()), sent, error);
        exchange.setProperty(RUN, run);
        List<ScoreFile> files = store.list(prefix, List.of(sent, error));
        LOG.info(
                "{} run on {}: {} file(s) in {}",
                source.flow().routeId(),
                leases.node(),
                files.size(),
                store.location());
        exchange.setProperty(Execution.RECORD_COUNT, files.size());
        exchange.setProperty(Execution.BUSINESS_IDS, "location " + store.location());
        return files;
    }

    private ScoreStore open(ScoreSource source) {
        if (source == ScoreSource.FTP) {
            String directory = lookups.get(CONFIG, "dacs.dvcScore.ftp.input.directory");
            return new FtpScoreStore(camel, ftp, directory, properties.readLockInterval());
        }
        return new ObjectStorageScoreStore(
                producer,
                s3,
                lookups.get(CONFIG, "dacs.os.namespace"),
                lookups.get(CONFIG, "dacs.os.dvcScore.bucketname"));
    }

    /** A run that found no file: the no-file e-mail (if its flag is on). */
    public void noFile(Exchange exchange) {
        exchange.setProperty(Execution.SUCCESS_COUNT, 0);
        exchange.setProperty(Execution.ERROR_COUNT, 0);
        exchange.setProperty(Notifications.PROCESS_MAIL_KIND, ProcessMailKind.NO_FILE);
        exchange.setProperty(
                Notifications.PROCESS_SUMMARY,
                "No device score file was found in " + run(exchange).store().location() + ".\n");
    }

    /** Delivers one file (the body) and marks it; a failure is recorded for this file and never stops the run. */
    public void transfer(Exchange exchange) {
        TransferRun run = run(exchange);
        ScoreFile file = exchange.getMessage().getBody(ScoreFile.class);
        TransferRun.FileOutcome outcome;
        if (!run.lease().stillHeld()) {
            outcome = new TransferRun.FileOutcome(file.name(), file.size(), false, "not attempted: run lease lost");
        } else {
            outcome = new FileDelivery(run, ledger, leases.node(), trackingId(exchange)).deliver(file);
        }
        run.add(outcome);
        if (!outcome.transferred() || outcome.detail().contains("rename failed")) {
            exchange.setProperty(FILE_FAILED, true);
            exchange.setProperty(Execution.BUSINESS_IDS, "file " + file.name());
            exchange.setProperty(Execution.ERROR, outcome.detail());
        }
    }

    /** Sums the run up for its execution record and its process e-mail. */
    public void finish(Exchange exchange) {
        TransferRun run = run(exchange);
        List<TransferRun.FileOutcome> outcomes = run.outcomes();
        List<TransferRun.FileOutcome> sent =
                outcomes.stream().filter(TransferRun.FileOutcome::transferred).toList();
        List<TransferRun.FileOutcome> notSent =
                outcomes.stream().filter(outcome -> !outcome.transferred()).toList();
        exchange.setProperty(Execution.SUCCESS_COUNT, sent.size());
        exchange.setProperty(Execution.ERROR_COUNT, notSent.size());
        exchange.setProperty(
                Execution.BUSINESS_IDS,
                "files "
                        + outcomes.stream()
                                .map(TransferRun.FileOutcome::fileName)
                                .collect(Collectors.joining(", ")));
        // A file DERMS has but whose rename failed is delivered yet not marked: the run ends in ERROR, not SUCCESS,
        // until the next run renames it.
        long unmarked = sent.stream()
                .filter(outcome -> outcome.detail().contains("rename failed"))
                .count();
        exchange.setProperty(
                Execution.STATUS,
                !notSent.isEmpty()
                        ? ExecutionStatus.FAILURE
                        : unmarked > 0 ? ExecutionStatus.ERROR : ExecutionStatus.SUCCESS);
        if (!notSent.isEmpty()) {
            exchange.setProperty(
                    Execution.ERROR, notSent.size() + " of " + outcomes.size() + " file(s) not transferred");
        } else if (unmarked > 0) {
            exchange.setProperty(
                    Execution.ERROR, unmarked + " delivered file(s) could not be renamed; the next run renames them");
        }
        exchange.setProperty(
                Notifications.PROCESS_MAIL_KIND,
                notSent.isEmpty() ? ProcessMailKind.COMPLETE : ProcessMailKind.COMPLETE_WITH_ERRORS);
        exchange.setProperty(
                Notifications.PROCESS_SUMMARY, RunSummary.text(run.store().location(), sent, notSent));
        LOG.info(
                "{} run done: {} transferred, {} not transferred",
                run.source().flow().routeId(),
                sent.size(),
                notSent.size());
    }

    /** Closes the store and gives the lease back, whatever happened. */
    public void end(Exchange exchange) {
        TransferRun run = exchange.getProperty(RUN, TransferRun.class);
        try {
            if (run != null) {
                run.store().close();
            }
        } catch (RuntimeException e) {
            LOG.warn("Cannot close the connection to the score file store (ignored)", e);
        } finally {
            RunLease lease = exchange.getProperty(LEASE, RunLease.class);
            if (lease != null) {
                lease.close();
            }
        }
    }

    private static ScoreSource source(Exchange exchange) {
        Object value = exchange.getProperty(SOURCE);
        return value instanceof ScoreSource source
                ? source
                : ScoreSource.byParameter(String.valueOf(value))
                        .orElseThrow(() -> new IllegalArgumentException("unknown score source " + value));
    }

    private static TransferRun run(Exchange exchange) {
        return exchange.getProperty(RUN, TransferRun.class);
    }

    private static String trackingId(Exchange exchange) {
        return exchange.getProperty(Execution.TRACKING_ID, String.class);
    }

    /** Kept for the operator endpoint: the DERMS answer counts as delivered only for these statuses. */
    static boolean accepted(PeerResponse response) {
        return response.status() == 200 || response.status() == 202;
    }
}
