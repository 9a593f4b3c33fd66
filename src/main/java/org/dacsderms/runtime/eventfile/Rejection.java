package org.dacsderms.runtime.eventfile;

/** A CSV row that was not sent: its {@code recordId} column, the line it starts on, and why. */
public record Rejection(String recordId, long line, String reason) {

    @Override
    public String toString() {
        return "record " + recordId + " (line " + line + "): " + reason;
    }
}
