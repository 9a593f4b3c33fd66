package org.dacsderms.runtime.platform;

import java.util.Arrays;
import java.util.Optional;

/**
 * The flows of the contract (flows.md). Each keeps the identifier it had in the vendor package, because operators
 * search logs and tickets by it; the route id is the name used inside this runtime; the path is where callers reach
 * it, and the vendor resource the last segment of the path the vendor package served it under.
 */
public enum Flow {
    ENROLLMENT_REQUEST(
            "enrollment-request",
            "OUTL-BA-DRMS_DACS_ENROLLRQ",
            "Enrollment Request",
            "/enroll-to-dacs",
            "enroll-to-dacs"),
    ENROLLMENT_SYNC(
            "enrollment-sync",
            "OUTL-BA-DACS_DRMS_ENROLL_SYNC",
            "Enrollment Sync",
            "/enrollment-sync",
            "enrollment-sync"),
    ENROLLMENT_SYNC_ACK(
            "enrollment-sync-ack",
            "OUTL-BA-DRMS_DACS_SYNC_ACK",
            "Enrollment Sync Ack",
            "/sendEnrollAck",
            "sendEnrollAck"),
    DEVICE_STATUS_CHECK(
            "device-status-check",
            "OUTL-BA-DACS_DRMS_DEVICE_STATUS",
            "Device Status Check",
            "/device-status-check",
            "device-status-check"),
    DEVICE_STATUS_CHECK_ACK(
            "device-status-check-ack",
            "OUTL-BA-DRMS_DACS_DEV_STAT_ACK",
            "Device Status Check Ack",
            "/status-check-ack-to-dacs",
            "status-check-ack-to-dacs"),
    EVENT_DEVICE_RESERVATION(
            "event-device-reservation",
            "OUTL_BA_DRMS_DACS_EVT_DVCRESV",
            "Event Device Reservation",
            "/event-reservation-to-dacs",
            "reserveDevice"),
    PRE_EVENT_CANCEL(
            "pre-event-cancel",
            "OUTL_BA_DRMS_DACS_PRE_EVENT_CANC",
            "Pre-Event Cancel",
            "/event-cancellation-to-dacs",
            "preEventCancel"),
    EVENT_OUTCOME(
            "event-outcome",
            "OUTL-BA-DRMS_DACS_EVT_OUTC_TRNFR",
            "Event Outcome",
            "/event-outcome-to-dacs",
            "eventOutcome"),
    DEVICE_SCORE_FTP("device-score-ftp", "OUTL-BA-DRMS_DACS_SEND_DVCSCORE", "Device Score FTP Transfer", null, null),
    DEVICE_SCORE_OBJECT_STORAGE(
            "device-score-object-storage",
            "OUTL-BA-DRMS_DACS_SEND_DVCSCOREC",
            "Device Score Object Storage Transfer",
            null,
            null),
    COMMON_ERROR_HANDLER("common-error-handler", "OUTL-BA-DACS_DRMS_ERROR", "Common Error Handler", null, null);

    private final String routeId;
    private final String vendorId;
    private final String title;
    private final String path;
    private final String vendorResource;

    Flow(String routeId, String vendorId, String title, String path, String vendorResource) {
        this.routeId = routeId;
        this.vendorId = vendorId;
        this.title = title;
        this.path = path;
        this.vendorResource = vendorResource;
    }

    public String routeId() {
        return routeId;
    }

    public String vendorId() {
        return vendorId;
    }

    public String title() {
        return title;
    }

    /** The short inbound path of the flow, or null for flows no caller starts over HTTP. */
    public String path() {
        return path;
    }

    /** The last segment of the path the vendor package served the flow under, or null. */
    public String vendorResource() {
        return vendorResource;
    }

    /** Whether callers post the flow a JSON body (the file flows take multipart uploads instead). */
    public boolean takesJson() {
        return path != null && this != EVENT_DEVICE_RESERVATION && this != EVENT_OUTCOME;
    }

    public static Optional<Flow> byPath(String path) {
        return Arrays.stream(values()).filter(flow -> path.equals(flow.path)).findFirst();
    }

    public static Optional<Flow> byRouteId(String routeId) {
        return Arrays.stream(values())
                .filter(flow -> flow.routeId.equals(routeId))
                .findFirst();
    }

    /** The flow served under the vendor's {@code {id}/1.0/{resource}}, if any. */
    public static Optional<Flow> byVendorPath(String vendorId, String resource) {
        return Arrays.stream(values())
                .filter(flow -> flow.vendorId.equals(vendorId) && resource.equals(flow.vendorResource))
                .findFirst();
    }
}
