package org.dacsderms.runtime.eventfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.dacsderms.runtime.platform.Flow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The staging of event files: the CSV files under {@code <runtime.data-directory>/event-files/staging} and their rows
 * in {@code event_file}. A file is staged before DERMS hears 202 and stays until DERMS has been acknowledged and the
 * retention has passed. Uploads in progress live in {@code event-files/uploads}, which is emptied at start-up.
 */
@Repository
public class StagedFiles {

    static final String ACCEPTED = "ACCEPTED";
    static final String ACKNOWLEDGED = "ACKNOWLEDGED";
    static final String REMOVED = "REMOVED";

    private static final Logger LOG = LoggerFactory.getLogger(StagedFiles.class);

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final Path staging;
    private final Path uploads;

    public StagedFiles(
            JdbcTemplate jdbc, ObjectMapper json, Clock clock, @Value("${runtime.data-directory}") Path dataDirectory)
            throws IOException {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        Path root = dataDirectory.toAbsolutePath().resolve("event-files");
        this.staging = Files.createDirectories(root.resolve("staging"));
        this.uploads = Files.createDirectories(root.resolve("uploads"));
        clearUploads();
    }

    /** Where the servlet container writes multipart parts while they arrive (same disk, so staging is a rename). */
    public Path uploads() {
        return uploads;
    }

    Path stagingPathFor(String trackingId) {
        return staging.resolve(trackingId + ".csv");
    }

    void insert(StagedFile file) {
        jdbc.update(
                "insert into event_file (tracking_id, flow, message, file_name, staged_path, file_size, status,"
                        + " attempts, received_at) values (?, ?, ?, ?, ?, ?, ?, 0, ?)",
                file.trackingId(),
                file.kind().flow().routeId(),
                write(file.message()),
                file.fileName(),
                file.path().toString(),
                file.size(),
                ACCEPTED,
                now());
    }

    /** Counts one more run over the file and returns it as it now stands. */
    Optional<StagedFile> startRun(String trackingId) {
        jdbc.update("update event_file set attempts = attempts + 1 where tracking_id = ?", trackingId);
        return find(trackingId);
    }

    Optional<StagedFile> find(String trackingId) {
        return jdbc.query("select * from event_file where tracking_id = ?", this::map, trackingId).stream()
                .findFirst();
    }

    String status(String trackingId) {
        return jdbc.queryForObject("select status from event_file where tracking_id = ?", String.class, trackingId);
    }

    /** Accepted files DERMS has not been acknowledged for, oldest first, whose staged file is on this node. */
    List<StagedFile> unacknowledged() {
        return jdbc
                .query("select * from event_file where status = ? order by received_at", this::map, ACCEPTED)
                .stream()
                .filter(file -> Files.exists(file.path()))
                .toList();
    }

    void acknowledged(String trackingId) {
        jdbc.update(
                "update event_file set status = ?, acknowledged_at = ? where tracking_id = ?",
                ACKNOWLEDGED,
                now(),
                trackingId);
    }

    /** Removes staged files acknowledged longer ago than the retention. */
    void removeExpired(Duration retention) {
        OffsetDateTime before = now().minus(retention);
        List<String[]> expired = jdbc.query(
                "select tracking_id, staged_path from event_file where status = ? and acknowledged_at <= ?",
                (row, index) -> new String[] {row.getString(1), row.getString(2)},
                ACKNOWLEDGED,
                before);
        for (String[] file : expired) {
            try {
                Files.deleteIfExists(Path.of(file[1]));
                jdbc.update("update event_file set status = ? where tracking_id = ?", REMOVED, file[0]);
            } catch (IOException e) {
                LOG.warn("Cannot remove staged file {}; tried again later (ignored)", file[1], e);
            }
        }
    }

    /** Deletes what interrupted uploads left behind; called before the web server takes requests. */
    private void clearUploads() {
        try (Stream<Path> files = Files.list(uploads)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + uploads, e);
        }
    }

    private StagedFile map(ResultSet row, int index) throws SQLException {
        return new StagedFile(
                row.getString("tracking_id"),
                EventFileKind.of(Flow.byRouteId(row.getString("flow")).orElseThrow()),
                read(row.getString("message")),
                row.getString("file_name"),
                Path.of(row.getString("staged_path")),
                row.getLong("file_size"),
                row.getInt("attempts"));
    }

    private String write(EventFileMessage message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an event file message", e);
        }
    }

    private EventFileMessage read(String message) {
        try {
            return json.readValue(message, EventFileMessage.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a staged event file message cannot be read", e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
