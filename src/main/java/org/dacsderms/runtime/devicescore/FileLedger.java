package org.dacsderms.runtime.devicescore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The ledger of device score files: one row per attempt to deliver one file (name, size, run, node, DERMS status,
 * times, outcome). Its point is the gap between "DERMS accepted the file" and "the file is renamed": a row left in
 * {@link State#DELIVERED} tells the next run to rename that file and not to deliver it again.
 */
@Repository
public class FileLedger {

    private static final int MAX_TEXT = 1000;

    /** Where one attempt stands. */
    public enum State {
        /** Being sent to DERMS; left so only when the runtime stopped mid-send (DERMS may or may not have it). */
        DELIVERING,
        /** DERMS accepted it; the rename to the delivered marker is still to do. */
        DELIVERED,
        /** Delivered and renamed with the delivered marker: done. */
        SENT,
        /** Not delivered; renamed with the not-delivered marker (or that rename failed too, see the error). */
        FAILED
    }

    /** One row of the ledger. */
    public record Entry(
            long id,
            String source,
            String location,
            String fileName,
            Long fileSize,
            String fileVersion,
            String trackingId,
            String node,
            State state,
            Integer dermsStatus,
            String error) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public FileLedger(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The attempt DERMS already accepted for this file and that was never renamed, if any. */
    public Optional<Entry> unrenamedDelivery(String source, String location, ScoreFile file) {
        return jdbc
                .query(
                        "select * from device_score_file where source = ? and location = ? and file_name = ?"
                                + " and state = ? order by id desc",
                        FileLedger::map,
                        source,
                        location,
                        file.name(),
                        State.DELIVERED.name())
                .stream()
                .filter(entry -> entry.fileSize() != null && entry.fileSize() == file.size())
                .filter(entry -> java.util.Objects.equals(entry.fileVersion(), file.version()))
                .findFirst();
    }

    public long delivering(String source, String location, ScoreFile file, String trackingId, String node) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    var insert = connection.prepareStatement(
                            "insert into device_score_file (source, location, file_name, file_size, file_version,"
                                    + " tracking_id, node, state, started_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            Statement.RETURN_GENERATED_KEYS);
                    insert.setString(1, source);
                    insert.setString(2, location);
                    insert.setString(3, file.name());
                    insert.setLong(4, file.size());
                    insert.setString(5, file.version());
                    insert.setString(6, trackingId);
                    insert.setString(7, node);
                    insert.setString(8, State.DELIVERING.name());
                    insert.setObject(9, now());
                    return insert;
                },
                key);
        return ((Number) key.getKeys().get("id")).longValue();
    }

    public void delivered(long id, int dermsStatus) {
        jdbc.update(
                "update device_score_file set state = ?, derms_status = ?, delivered_at = ? where id = ?",
                State.DELIVERED.name(),
                dermsStatus,
                now(),
                id);
    }

    public void sent(long id) {
        jdbc.update("update device_score_file set state = ?, ended_at = ? where id = ?", State.SENT.name(), now(), id);
    }

    public void failed(long id, Integer dermsStatus, String error) {
        jdbc.update(
                "update device_score_file set state = ?, derms_status = coalesce(?, derms_status), ended_at = ?,"
                        + " error = ? where id = ?",
                State.FAILED.name(),
                dermsStatus,
                now(),
                clip(error),
                id);
    }

    /** Notes why a delivered file is still not renamed; the row stays DELIVERED so the next run renames it. */
    public void renameFailed(long id, String error) {
        jdbc.update("update device_score_file set error = ? where id = ?", clip(error), id);
    }

    public List<Entry> forRun(String trackingId) {
        return jdbc.query(
                "select * from device_score_file where tracking_id = ? order by id", FileLedger::map, trackingId);
    }

    public List<Entry> forFile(String source, String fileName) {
        return jdbc.query(
                "select * from device_score_file where source = ? and file_name = ? order by id",
                FileLedger::map,
                source,
                fileName);
    }

    private static Entry map(ResultSet row, int index) throws SQLException {
        return new Entry(
                row.getLong("id"),
                row.getString("source"),
                row.getString("location"),
                row.getString("file_name"),
                (Long) row.getObject("file_size", Long.class),
                row.getString("file_version"),
                row.getString("tracking_id"),
                row.getString("node"),
                State.valueOf(row.getString("state")),
                (Integer) row.getObject("derms_status", Integer.class),
                row.getString("error"));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String clip(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }
}
