package org.dacsderms.runtime.devicescore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.dacsderms.runtime.platform.execution.Execution;
import org.dacsderms.runtime.platform.execution.ExecutionRecord;
import org.dacsderms.runtime.platform.execution.ExecutionRecords;
import org.dacsderms.runtime.platform.web.ApiErrors;
import org.dacsderms.runtime.platform.web.InvalidPayloadException;
import org.springframework.stereotype.Component;

/**
 * The operator endpoint of the transfers: {@code POST /device-score/transfer?source=ftp|os} claims the run lease and
 * answers 202 with the run's tracking id at once (the run goes on in the background; a 1 GB file takes a while), or
 * 409 when a run is already in progress on some node. {@code GET /device-score/transfer/{trackingId}} tells how a
 * run went, file by file.
 */
@Component("deviceScoreOperator")
public class DeviceScoreOperator {

    /** Exchange property: the {@code direct:} endpoint the accepted run is handed to. */
    public static final String TARGET = "deviceScoreTarget";

    private final RunLeases leases;
    private final FileLedger ledger;
    private final ExecutionRecords records;
    private final ApiErrors errors;
    private final ObjectMapper json;

    public DeviceScoreOperator(
            RunLeases leases, FileLedger ledger, ExecutionRecords records, ApiErrors errors, ObjectMapper json) {
        this.leases = leases;
        this.ledger = ledger;
        this.records = records;
        this.errors = errors;
        this.json = json;
    }

    /** Starts a run on demand; when accepted, sets {@link #TARGET} to the flow's endpoint the run is handed to. */
    public void start(Exchange exchange) throws JsonProcessingException {
        String trackingId = UUID.randomUUID().toString();
        exchange.setProperty(Execution.TRACKING_ID, trackingId);
        // Only the query string is read: a caller's header named "source" must not choose the flow.
        String value = queryParameter(exchange.getIn().getHeader(Exchange.HTTP_QUERY, String.class), "source");
        ScoreSource source = ScoreSource.byParameter(value)
                .orElseThrow(() ->
                        new InvalidPayloadException("INVALID_SOURCE", "query parameter source must be ftp or os"));
        Optional<RunLease> lease = leases.acquire(source.flow().routeId(), trackingId);
        if (lease.isEmpty()) {
            String holder = leases.holder(source.flow().routeId()).orElse("another node");
            errors.answer(
                    exchange,
                    409,
                    "RUN_IN_PROGRESS",
                    "a " + source.flow().routeId() + " run is already in progress on " + holder
                            + "; try again when it is done");
            return;
        }
        exchange.setProperty(DeviceScoreTransfer.LEASE, lease.get());
        exchange.setProperty(DeviceScoreTransfer.SOURCE, source);
        exchange.setProperty(TARGET, source.endpoint());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("trackingId", trackingId);
        body.put("flow", source.flow().routeId());
        body.put("status", "STARTED");
        answer(exchange, 202, body);
    }

    /** How a run went: its execution record and one line per file from the ledger. */
    public void status(Exchange exchange) throws JsonProcessingException {
        String trackingId = exchange.getIn().getHeader("trackingId", String.class);
        Optional<ExecutionRecord> record = trackingId == null ? Optional.empty() : records.find(trackingId);
        if (record.isEmpty()) {
            errors.answer(exchange, 404, "UNKNOWN_RUN", "no transfer run has this tracking id");
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("trackingId", trackingId);
        body.put("flow", record.get().flow());
        body.put("status", record.get().status());
        body.put("startedAt", record.get().startedAt());
        body.put("endedAt", record.get().endedAt());
        body.put("transferred", record.get().successCount());
        body.put("notTransferred", record.get().errorCount());
        body.put("error", record.get().error());
        List<Map<String, Object>> files = ledger.forRun(trackingId).stream()
                .map(DeviceScoreOperator::describe)
                .toList();
        body.put("files", files);
        answer(exchange, 200, body);
    }

    private static Map<String, Object> describe(FileLedger.Entry entry) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("fileName", entry.fileName());
        file.put("size", entry.fileSize());
        file.put("state", entry.state());
        file.put("dermsStatus", entry.dermsStatus());
        file.put("error", entry.error());
        return file;
    }

    private void answer(Exchange exchange, int status, Map<String, Object> body) throws JsonProcessingException {
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setHeader(Execution.TRACKING_HEADER, body.get("trackingId"));
        exchange.getMessage().setBody(json.writeValueAsString(body));
    }

    static String queryParameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (key.equals(name)) {
                return equals < 0
                        ? ""
                        : java.net.URLDecoder.decode(
                                pair.substring(equals + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
