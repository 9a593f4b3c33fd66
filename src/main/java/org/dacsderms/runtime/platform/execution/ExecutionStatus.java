package org.dacsderms.runtime.platform.execution;

/** Where a flow execution ended. */
public enum ExecutionStatus {
    /** Still running, or the runtime stopped before it ended. */
    RUNNING,
    /** Everything was delivered. */
    SUCCESS,
    /** Delivered, but the far side rejected some records (business errors it owns). */
    ERROR,
    /** A technical fault: something was not delivered and the sender was told so. */
    FAILURE,
    /** The input was refused with a 4xx answer; nothing was sent on. */
    REJECTED
}
