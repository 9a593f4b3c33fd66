package org.dacsderms.runtime.platform.execution;

import java.util.UUID;
import org.dacsderms.runtime.platform.Flow;
import org.dacsderms.runtime.platform.web.ApiError;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only view of the execution records for operators: what ran, when, and how it ended. */
@RestController
@RequestMapping("/executions")
public class ExecutionsController {

    private static final int MAX_LIMIT = 500;

    private final ExecutionRecords records;

    public ExecutionsController(ExecutionRecords records) {
        this.records = records;
    }

    @GetMapping("/{trackingId}")
    public ResponseEntity<Object> one(@PathVariable String trackingId) {
        return records.find(trackingId)
                .<ResponseEntity<Object>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(404)
                        .body(new ApiError(
                                "UNKNOWN_EXECUTION",
                                "no execution has this tracking id",
                                UUID.randomUUID().toString())));
    }

    /** The latest executions of one flow, newest first ({@code flow} is the route id, e.g. enrollment-request). */
    @GetMapping
    public ResponseEntity<Object> latest(
            @RequestParam(required = false) String flow, @RequestParam(defaultValue = "20") int limit) {
        if (flow == null) {
            return ResponseEntity.badRequest()
                    .body(new ApiError(
                            "FLOW_REQUIRED",
                            "name the flow by its route id: /executions?flow=enrollment-request",
                            UUID.randomUUID().toString()));
        }
        return Flow.byRouteId(flow)
                .<ResponseEntity<Object>>map(
                        found -> ResponseEntity.ok(records.latest(found, Math.max(1, Math.min(limit, MAX_LIMIT)))))
                .orElseGet(() -> ResponseEntity.badRequest()
                        .body(new ApiError(
                                "UNKNOWN_FLOW",
                                "no flow has the route id '" + flow + "'",
                                UUID.randomUUID().toString())));
    }
}
