package org.dacsderms.runtime.platform.execution;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.dacsderms.runtime.platform.Flow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The execution table: one row per run of a flow, written when it starts and completed when it ends. */
@Repository
public class ExecutionRecords {

    private static final int MAX_TEXT = 1000;

    private final JdbcTemplate jdbc;

    public ExecutionRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void started(Flow flow, String trackingId, String businessIds) {
        jdbc.update(
                "insert into flow_execution (tracking_id, flow, vendor_id, business_ids, started_at, status)"
                        + " values (?, ?, ?, ?, ?, ?)",
                trackingId,
                flow.routeId(),
                flow.vendorId(),
                clip(businessIds),
                now(),
                ExecutionStatus.RUNNING.name());
    }

    public void ended(String trackingId, Outcome outcome) {
        jdbc.update(
                "update flow_execution set ended_at = ?, status = ?, business_ids = coalesce(?, business_ids),"
                        + " record_count = ?, success_count = ?, error_count = ?, error = ? where tracking_id = ?",
                now(),
                outcome.status().name(),
                clip(outcome.businessIds()),
                outcome.recordCount(),
                outcome.successCount(),
                outcome.errorCount(),
                clip(outcome.error()),
                trackingId);
    }

    /** Drops the record of a run that will run again under the same tracking id (a staged file after a restart). */
    public void forget(String trackingId) {
        jdbc.update("delete from flow_execution where tracking_id = ?", trackingId);
    }

    /** Records a call refused before the flow began (413, 415, a body that is not UTF-8). */
    public void rejected(Flow flow, String trackingId, String error) {
        started(flow, trackingId, null);
        ended(trackingId, new Outcome(ExecutionStatus.REJECTED, null, null, null, null, error));
    }

    public Optional<ExecutionRecord> find(String trackingId) {
        return jdbc
                .query("select * from flow_execution where tracking_id = ?", ExecutionRecords::map, trackingId)
                .stream()
                .findFirst();
    }

    public List<ExecutionRecord> latest(Flow flow, int limit) {
        return jdbc.query(
                "select * from flow_execution where flow = ? order by started_at desc limit ?",
                ExecutionRecords::map,
                flow.routeId(),
                limit);
    }

    private static ExecutionRecord map(ResultSet row, int index) throws SQLException {
        return new ExecutionRecord(
                row.getString("tracking_id"),
                row.getString("flow"),
                row.getString("vendor_id"),
                row.getString("business_ids"),
                row.getObject("started_at", OffsetDateTime.class),
                row.getObject("ended_at", OffsetDateTime.class),
                ExecutionStatus.valueOf(row.getString("status")),
                (Integer) row.getObject("record_count"),
                (Integer) row.getObject("success_count"),
                (Integer) row.getObject("error_count"),
                row.getString("error"));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String clip(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }

    /** How an execution ended. */
    public record Outcome(
            ExecutionStatus status,
            String businessIds,
            Integer recordCount,
            Integer successCount,
            Integer errorCount,
            String error) {}
}
