package org.dacsderms.runtime.platform.execution;

/**
 * Names of the exchange properties a flow sets so that its execution record and its e-mails tell what happened.
 * The execution route policy reads them when the exchange is done.
 */
public final class Execution {

    /** The tracking id of this execution: returned as {@code X-Tracking-Id}, in every log line and e-mail. */
    public static final String TRACKING_ID = "trackingId";

    public static final String TRACKING_HEADER = "X-Tracking-Id";

    /** The flow this exchange belongs to, a {@link org.dacsderms.runtime.platform.Flow}. */
    public static final String FLOW = "flow";

    /** Business identifiers (message ids, event id, sync request id, file name), as one readable string. */
    public static final String BUSINESS_IDS = "businessIds";

    /** The outcome the flow decided on, an {@link ExecutionStatus}; absent means success unless it failed. */
    public static final String STATUS = "executionStatus";

    public static final String RECORD_COUNT = "recordCount";
    public static final String SUCCESS_COUNT = "successCount";
    public static final String ERROR_COUNT = "errorCount";

    /** A one-line description of what went wrong, safe to store and to mail (no payloads, no secrets). */
    public static final String ERROR = "executionError";

    private Execution() {}
}
