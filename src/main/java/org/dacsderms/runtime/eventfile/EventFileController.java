package org.dacsderms.runtime.eventfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.dacsderms.runtime.platform.execution.Execution;
import org.dacsderms.runtime.platform.execution.ExecutionRecords;
import org.dacsderms.runtime.platform.execution.ExecutionStatus;
import org.dacsderms.runtime.platform.lookup.LookupTables;
import org.dacsderms.runtime.platform.web.ApiError;
import org.dacsderms.runtime.platform.web.ApiErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Takes an event file upload (flows.md sections 6 and 8): {@code multipart/form-data} with parts {@code message} and
 * {@code file}. The file part is streamed to disk by the container and renamed into staging, recorded in the
 * database, and only then is DERMS answered 202 with the tracking id; the flow's route runs afterwards. Camel's REST
 * DSL is not used here because its HTTP binding reads a whole body into memory.
 */
@RestController
public class EventFileController {

    private static final Logger LOG = LoggerFactory.getLogger(EventFileController.class);
    /** Longest message field taken; the message is stored with the staged file (event_file.message). */
    private static final int MAX_FIELD = 200;

    private static final List<String> CSV_TYPES = List.of(
            "text/csv", "application/csv", "text/plain", "application/vnd.ms-excel", "application/octet-stream");

    private final StagedFiles staged;
    private final EventFileDispatcher dispatcher;
    private final ExecutionRecords records;
    private final LookupTables lookups;
    private final ApiErrors errors;
    private final ObjectMapper json;
    private final EventFileProperties properties;

    public EventFileController(
            StagedFiles staged,
            EventFileDispatcher dispatcher,
            ExecutionRecords records,
            LookupTables lookups,
            ApiErrors errors,
            ObjectMapper json,
            EventFileProperties properties) {
        this.staged = staged;
        this.dispatcher = dispatcher;
        this.records = records;
        this.lookups = lookups;
        this.errors = errors;
        this.json = json;
        this.properties = properties;
    }

    @PostMapping("/event-reservation-to-dacs")
    public ResponseEntity<String> reservation(HttpServletRequest request) {
        return accept(EventFileKind.RESERVATION, request);
    }

    @PostMapping("/event-outcome-to-dacs")
    public ResponseEntity<String> outcome(HttpServletRequest request) {
        return accept(EventFileKind.OUTCOME, request);
    }

    private ResponseEntity<String> accept(EventFileKind kind, HttpServletRequest request) {
        String trackingId = UUID.randomUUID().toString();
        MDC.put(Execution.TRACKING_ID, trackingId);
        try {
            StagedFile file = stage(kind, trackingId, request);
            dispatcher.submit(file);
            LOG.info("Event file {} of {} bytes accepted and staged", file.fileName(), file.size());
            return answer(
                    HttpStatus.ACCEPTED,
                    trackingId,
                    json.writeValueAsString(
                            Map.of("trackingId", trackingId, "status", "ACCEPTED", "file", file.fileName())));
        } catch (Refused refused) {
            record(kind, trackingId, refused);
            return answer(
                    refused.status,
                    trackingId,
                    errors.write(new ApiError(refused.code, refused.getMessage(), trackingId)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot stage the upload " + trackingId, e);
        } finally {
            MDC.remove(Execution.TRACKING_ID);
        }
    }

    private StagedFile stage(EventFileKind kind, String trackingId, HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > EventFileConfiguration.maxRequestSize(properties)) {
            throw tooLarge(
                    "the upload is larger than " + properties.maxFileSize().toBytes() + " bytes");
        }
        if (!String.valueOf(request.getContentType()).toLowerCase().startsWith("multipart/form-data")) {
            throw invalid("a multipart/form-data body with parts 'message' and 'file' is expected");
        }
        Part messagePart = part(request, "message");
        Part filePart = part(request, "file");
        EventFileMessage message = message(kind, messagePart);
        String fileName = fileName(filePart);
        checkCsvType(filePart);
        Path target = staged.stagingPathFor(trackingId);
        filePart.write(target.toString());
        boolean staging = false;
        try {
            force(target);
            checkHeader(kind, target);
            StagedFile file = new StagedFile(trackingId, kind, message, fileName, target, Files.size(target), 0);
            staged.insert(file);
            staging = true;
            return file;
        } finally {
            if (!staging) {
                Files.deleteIfExists(target);
            }
        }
    }

    private Part part(HttpServletRequest request, String name) throws IOException {
        try {
            Part part = request.getPart(name);
            if (part == null) {
                throw invalid("the part '" + name + "' is missing; parts 'message' and 'file' are expected");
            }
            return part;
        } catch (MaxUploadSizeExceededException e) {
            throw tooLarge("a part is larger than the limit (file "
                    + properties.maxFileSize().toBytes() + " bytes, message "
                    + properties.maxMessageSize().toBytes() + " bytes)");
        } catch (MultipartException | ServletException e) {
            throw invalid("the body is not a readable multipart/form-data body");
        } catch (IllegalStateException e) {
            throw tooLarge("the upload is larger than the limit");
        }
    }

    private EventFileMessage message(EventFileKind kind, Part part) throws IOException {
        long max = properties.maxMessageSize().toBytes();
        if (part.getSize() > max) {
            throw tooLarge("the message part is larger than " + max + " bytes");
        }
        EventFileMessage message;
        try (InputStream in = part.getInputStream()) {
            message = json.readValue(new String(in.readAllBytes(), StandardCharsets.UTF_8), EventFileMessage.class);
        } catch (JsonProcessingException e) {
            throw invalid("the message part is not a JSON object of the contract");
        }
        if (message == null) {
            throw invalid("the message part is empty");
        }
        List<String> defects = defectsOf(kind, message);
        if (!defects.isEmpty()) {
            throw invalid("message: " + String.join("; ", defects));
        }
        return message;
    }

    private List<String> defectsOf(EventFileKind kind, EventFileMessage message) {
        List<String> defects = new ArrayList<>();
        if (tooLong(message)) {
            defects.add("a field is longer than " + MAX_FIELD + " characters");
            return defects;
        }
        if (fields(message).anyMatch(field -> field != null && field.chars().anyMatch(Character::isISOControl))) {
            // Identifiers end up in acknowledgments and e-mails; a line break in one could forge a line there.
            defects.add("a field holds a control character (a line break, say)");
            return defects;
        }
        ReservationMapper.requireText(defects, "drmsInstanceId", message.drmsInstanceId());
        ReservationMapper.requireText(defects, "messageId", message.messageId());
        if (message.drmsInstanceId() != null
                && !message.drmsInstanceId().isBlank()
                && lookups.find("Routing", message.drmsInstanceId()).isEmpty()) {
            defects.add("drmsInstanceId '" + message.drmsInstanceId() + "' has no entry in lookup "
                    + LookupTables.TABLE_PREFIX + "Routing");
        }
        if (kind == EventFileKind.RESERVATION) {
            defects.addAll(ReservationMapper.defectsOf(message, lookups));
        }
        return defects;
    }

    private static boolean tooLong(EventFileMessage message) {
        return fields(message).anyMatch(field -> field != null && field.length() > MAX_FIELD);
    }

    private static Stream<String> fields(EventFileMessage message) {
        return Stream.of(
                message.drmsInstanceId(),
                message.messageId(),
                message.eventId(),
                message.eventType(),
                message.eventStatus(),
                message.eventStartDateTime(),
                message.eventEndDateTime());
    }

    private static String fileName(Part part) {
        String name = part.getSubmittedFileName();
        if (name == null || name.isBlank()) {
            throw invalid("the part 'file' must be a file upload with a file name");
        }
        String base = Path.of(name.replace('\\', '/')).getFileName().toString();
        return base.length() > 200 ? base.substring(0, 200) : base;
    }

    private static void checkCsvType(Part part) {
        String type = part.getContentType();
        String bare = type == null ? "" : type.split(";")[0].trim().toLowerCase();
        boolean csvName = part.getSubmittedFileName().toLowerCase().endsWith(".csv");
        if (!CSV_TYPES.contains(bare) && !(bare.isEmpty() && csvName)) {
            throw invalid("the part 'file' must be a CSV file (text/csv), not " + bare);
        }
    }

    /** An empty file is taken (and acknowledged negatively); anything else must start with the flow's header. */
    private static void checkHeader(EventFileKind kind, Path file) throws IOException {
        if (Files.size(file) == 0) {
            return;
        }
        String header = CsvSegments.firstLine(file);
        if (header == null || !List.of(header.split(",", -1)).containsAll(kind.columns())) {
            throw invalid("the file is not a CSV file with the header " + String.join(",", kind.columns()));
        }
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private void record(EventFileKind kind, String trackingId, Refused refused) {
        records.started(kind.flow(), trackingId, null);
        records.ended(
                trackingId,
                new ExecutionRecords.Outcome(ExecutionStatus.REJECTED, null, null, null, null, refused.getMessage()));
        LOG.info("Event file upload refused with {}: {}", refused.status.value(), refused.getMessage());
    }

    private static ResponseEntity<String> answer(HttpStatus status, String trackingId, String body) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .header(Execution.TRACKING_HEADER, trackingId)
                .body(body);
    }

    private static Refused invalid(String message) {
        return new Refused(HttpStatus.BAD_REQUEST, "INVALID_PAYLOAD", message);
    }

    private static Refused tooLarge(String message) {
        return new Refused(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", message);
    }

    /** An upload the flow does not take, with the answer DERMS gets. */
    private static final class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final HttpStatus status;
        private final String code;

        Refused(HttpStatus status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }
    }
}
