package org.dacsderms.runtime.devicescore;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.dacsderms.runtime.platform.peer.PeerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one score file and marks it, with the ledger written at each step, so that a stop at any point leaves
 * the next run something safe to do: a file DERMS accepted but that was not renamed is only renamed.
 */
final class FileDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(FileDelivery.class);

    private final TransferRun run;
    private final FileLedger ledger;
    private final String node;
    private final String trackingId;

    FileDelivery(TransferRun run, FileLedger ledger, String node, String trackingId) {
        this.run = run;
        this.ledger = ledger;
        this.node = node;
        this.trackingId = trackingId;
    }

    TransferRun.FileOutcome deliver(ScoreFile file) {
        String source = run.source().parameter();
        String location = run.store().location();
        Optional<FileLedger.Entry> earlier = ledger.unrenamedDelivery(source, location, file);
        if (earlier.isPresent()) {
            return renameEarlierDelivery(file, earlier.get());
        }
        long id = ledger.delivering(source, location, file, trackingId, node);
        PeerResponse response;
        try {
            response = send(file);
        } catch (RuntimeException e) {
            LOG.warn("Cannot deliver {} to {}: {}", file.name(), run.derms().name(), e.getMessage(), e);
            return markNotSent(file, id, null, "not delivered: " + describe(e));
        }
        if (!DeviceScoreTransfer.accepted(response)) {
            LOG.warn("{} refused {} with HTTP {}", run.derms().name(), file.name(), response.status());
            return markNotSent(file, id, response.status(), "DERMS answered HTTP " + response.status());
        }
        ledger.delivered(id, response.status());
        LOG.info(
                "Delivered {} ({} bytes) to {}: HTTP {}",
                file.name(),
                file.size(),
                run.derms().name(),
                response.status());
        return markSent(file, id, "delivered (HTTP " + response.status() + ")");
    }

    /**
     * Streams the file to DERMS. Once DERMS has answered, a fault while closing the download (the FTP transfer
     * reply, say) no longer changes the outcome: DERMS has the file.
     */
    private PeerResponse send(ScoreFile file) {
        AtomicReference<PeerResponse> answer = new AtomicReference<>();
        try {
            run.store().read(file, content -> {
                answer.set(DermsScoreUpload.send(run.derms(), file.name(), content));
                return answer.get();
            });
        } catch (RuntimeException e) {
            if (answer.get() == null) {
                throw e;
            }
            LOG.warn("Closing the download of {} failed after DERMS answered (ignored)", file.name(), e);
        }
        return answer.get();
    }

    private TransferRun.FileOutcome renameEarlierDelivery(ScoreFile file, FileLedger.Entry earlier) {
        LOG.info("{} was delivered by run {} but not renamed; renaming it only", file.name(), earlier.trackingId());
        return markSent(file, earlier.id(), "delivered earlier (run " + earlier.trackingId() + "), renamed now");
    }

    private TransferRun.FileOutcome markSent(ScoreFile file, long id, String detail) {
        String newName = run.sentMarker() + file.name();
        try {
            run.store().rename(file, newName);
            ledger.sent(id);
            return new TransferRun.FileOutcome(file.name(), file.size(), true, detail + ", renamed " + newName);
        } catch (RuntimeException e) {
            LOG.warn("Cannot rename delivered file {}; the next run renames it", file.name(), e);
            ledger.renameFailed(id, "rename failed: " + describe(e));
            return new TransferRun.FileOutcome(
                    file.name(), file.size(), true, detail + ", rename failed (next run renames it): " + describe(e));
        }
    }

    private TransferRun.FileOutcome markNotSent(ScoreFile file, long id, Integer status, String reason) {
        String newName = run.errorMarker() + file.name();
        try {
            run.store().rename(file, newName);
            ledger.failed(id, status, reason);
            return new TransferRun.FileOutcome(file.name(), file.size(), false, reason + ", renamed " + newName);
        } catch (RuntimeException e) {
            LOG.warn("Cannot rename {} to {}", file.name(), newName, e);
            String detail = reason + ", rename to " + newName + " failed: " + describe(e);
            ledger.failed(id, status, detail);
            return new TransferRun.FileOutcome(file.name(), file.size(), false, detail);
        }
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
