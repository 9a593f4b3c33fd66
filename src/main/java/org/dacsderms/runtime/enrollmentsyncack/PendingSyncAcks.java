package org.dacsderms.runtime.enrollmentsyncack;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The sync acks waiting for their time (table {@code pending_sync_ack}), shared by every node of the runtime. A node
 * takes a row with one conditional update (PENDING and due, or SENDING with an expired lease, becomes SENDING with a
 * new lease), so two nodes, or a node and its restarted self, never send the same ack at once.
 */
@Repository
public class PendingSyncAcks {

    /** What {@link #store} did. */
    public enum Stored {
        /** A new ack for this sync request. */
        NEW,
        /** An ack for it was waiting, or had failed; this one replaces it. */
        REPLACED,
        /** An ack for it is being sent or was sent; this one is not sent, so DACS gets one PATCH per sync request. */
        ALREADY_SENT
    }

    /** Where a row ends. */
    enum Outcome {
        DONE,
        FAILED
    }

    private static final int MAX_TEXT = 1000;
    private static final String DUE =
            "((status = 'PENDING' and due_at <= ?) or (status = 'SENDING' and claimed_until < ?))";

    private final JdbcTemplate jdbc;

    public PendingSyncAcks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Stored store(String syncRequestId, String patchBody, String originTrackingId, Instant dueAt, Instant now) {
        try {
            jdbc.update(
                    "insert into pending_sync_ack (sync_request_id, patch_body, origin_tracking_id, due_at, status,"
                            + " attempts, created_at, updated_at) values (?, ?, ?, ?, 'PENDING', 0, ?, ?)",
                    syncRequestId,
                    patchBody,
                    originTrackingId,
                    utc(dueAt),
                    utc(now),
                    utc(now));
            return Stored.NEW;
        } catch (DuplicateKeyException e) {
            int replaced = jdbc.update(
                    "update pending_sync_ack set patch_body = ?, origin_tracking_id = ?, due_at = ?,"
                            + " status = 'PENDING', outcome = null, updated_at = ? where sync_request_id = ?"
                            + " and status in ('PENDING', 'FAILED')",
                    patchBody,
                    originTrackingId,
                    utc(dueAt),
                    utc(now),
                    syncRequestId);
            return replaced == 1 ? Stored.REPLACED : Stored.ALREADY_SENT;
        }
    }

    /** Ids of acks due at {@code now}, earliest first. */
    public List<String> due(Instant now, int limit) {
        return jdbc.queryForList(
                "select sync_request_id from pending_sync_ack where " + DUE + " order by due_at limit ?",
                String.class,
                utc(now),
                utc(now),
                limit);
    }

    /** Takes a due ack for this node until {@code leaseUntil}; empty when another node took it first. */
    public Optional<PendingSyncAck> claim(String syncRequestId, Instant now, Instant leaseUntil) {
        int claimed = jdbc.update(
                "update pending_sync_ack set status = 'SENDING', claimed_until = ?, attempts = attempts + 1,"
                        + " updated_at = ? where sync_request_id = ? and " + DUE,
                utc(leaseUntil),
                utc(now),
                syncRequestId,
                utc(now),
                utc(now));
        if (claimed != 1) {
            return Optional.empty();
        }
        return jdbc
                .query(
                        "select * from pending_sync_ack where sync_request_id = ?",
                        (row, i) -> new PendingSyncAck(
                                row.getString("sync_request_id"),
                                row.getString("patch_body"),
                                row.getString("origin_tracking_id"),
                                row.getObject("due_at", OffsetDateTime.class),
                                row.getInt("attempts")),
                        syncRequestId)
                .stream()
                .findFirst();
    }

    void finish(String syncRequestId, Outcome outcome, String text, Instant now) {
        jdbc.update(
                "update pending_sync_ack set status = ?, outcome = ?, claimed_until = null, updated_at = ?"
                        + " where sync_request_id = ? and status = 'SENDING'",
                outcome.name(),
                clip(text),
                utc(now),
                syncRequestId);
    }

    /** The status of the ack of a sync request (PENDING, SENDING, DONE, FAILED), if there is one. */
    public Optional<String> status(String syncRequestId) {
        return jdbc
                .queryForList(
                        "select status from pending_sync_ack where sync_request_id = ?", String.class, syncRequestId)
                .stream()
                .findFirst();
    }

    /** Milliseconds, so that what is stored compares equal to what is passed, whatever the column's precision. */
    private static OffsetDateTime utc(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
    }

    private static String clip(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }
}
